package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.spec.TaskSettings;
import org.junit.jupiter.api.Test;

class TaskDecisionTest {
  private static final TaskSettings SETTINGS = new TaskSettings(200, 5, 0.1);

  @Test
  void fineTunesFromTheThresholdOn() {
    assertEquals(TaskDecision.Kind.FINE_TUNE, TaskDecision.of("billing", 200, SETTINGS).kind());
    assertEquals(
        "200 clean conversations reach fineTuneMinExamples=200",
        TaskDecision.of("billing", 200, SETTINGS).why());
  }

  @Test
  void saysHowManyMoreAFewShotTaskNeeds() {
    TaskDecision decision = TaskDecision.of("billing", 37, SETTINGS);
    assertEquals(TaskDecision.Kind.FEW_SHOT, decision.kind());
    assertEquals(
        "37 clean conversations; 163 more needed to fine-tune (fineTuneMinExamples=200)",
        decision.why());
  }

  @Test
  void aTaskWithNothingLeftGetsNothing() {
    TaskDecision decision = TaskDecision.of("billing", 0, SETTINGS);
    assertEquals("none", decision.kind().label());
    assertTrue(decision.why().startsWith("no clean conversations"));
  }
}
