package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.spec.TaskSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each branch of the decision, and its reason as the report prints it. */
class TaskDecisionTest {
  private static final TaskSettings AUTO = new TaskSettings(200, 5, 0.1, "auto", 2000);
  private static final TaskSettings BOTH = new TaskSettings(200, 5, 0.1, "both", 2000);
  private static final String WARNS = "consistent warns (0.74): 6 conflicting answer pairs";

  @Test
  void fineTunesFromTheThresholdOnWhenNoCriterionFails() {
    TaskDecision decision = TaskDecision.of("billing", 200, AUTO, List.of(), List.of(WARNS));
    assertEquals(TaskDecision.Kind.FINE_TUNE, decision.kind());
    assertTrue(decision.fineTunes());
    assertFalse(decision.bundles());
    assertEquals("200 clean examples reach fineTuneMinExamples=200; " + WARNS, decision.why());
  }

  @Test
  void saysHowManyMoreAFewShotTaskNeeds() {
    TaskDecision decision = TaskDecision.of("billing", 37, AUTO, List.of(), List.of(WARNS));
    assertEquals(TaskDecision.Kind.FEW_SHOT, decision.kind());
    assertEquals(
        "37 clean examples; 163 more needed to fine-tune (fineTuneMinExamples=200); " + WARNS,
        decision.why());
  }

  @Test
  void aFailingCriterionKeepsAnyTaskOnFewShot() {
    TaskDecision decision =
        TaskDecision.of("billing", 5_000, BOTH, List.of("relevant fails (0.41)"), List.of());
    assertEquals(TaskDecision.Kind.FEW_SHOT, decision.kind());
    assertEquals(
        "5000 clean examples reach fineTuneMinExamples=200, but fine-tuning waits until no"
            + " criterion fails; relevant fails (0.41)",
        decision.why());
  }

  @Test
  void bothWhenTheSpecAsksAndTheDataSupportsFineTuning() {
    TaskDecision decision = TaskDecision.of("billing", 250, BOTH, List.of(), List.of());
    assertEquals(TaskDecision.Kind.BOTH, decision.kind());
    assertTrue(decision.fineTunes());
    assertTrue(decision.bundles());
    assertEquals(
        "250 clean examples reach fineTuneMinExamples=200; the spec asks for a few-shot bundle as"
            + " well (output: both)",
        decision.why());
    assertEquals(
        TaskDecision.Kind.FEW_SHOT,
        TaskDecision.of("billing", 199, BOTH, List.of(), List.of()).kind(),
        "both needs the data to support fine-tuning");
  }

  @Test
  void aTaskWithNothingLeftGetsNothing() {
    TaskDecision decision = TaskDecision.of("billing", 0, AUTO, List.of(), List.of());
    assertEquals("none", decision.kind().label());
    assertEquals(TaskDecision.NO_CLEAN_EXAMPLES, decision.why());
  }
}
