package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Reason;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks hosted fine-tuning applies to each chat example. */
class FineTuneChecksTest {

  private static Conversation of(Message... messages) {
    return Conversation.create(
        "0".repeat(32),
        "billing",
        SourceRef.create("a.jsonl", 1, 0, "openai"),
        List.of(messages),
        Map.of());
  }

  @Test
  void aWellFormedExamplePasses() {
    assertNull(
        FineTuneChecks.problem(
            of(Message.of(Role.USER, "Hi"), Message.of(Role.ASSISTANT, "Hello")), 10, 100));
  }

  @Test
  void refusesWhatHostedFineTuningRefuses() {
    assertEquals(
        Reason.NO_ASSISTANT_MESSAGE,
        FineTuneChecks.problem(of(Message.of(Role.USER, "Hi")), 10, 100));
    assertEquals(
        Reason.UNSUPPORTED_ROLE,
        FineTuneChecks.problem(
            of(
                Message.of(Role.USER, "Hi"),
                Message.of(Role.TOOL, "{}"),
                Message.of(Role.ASSISTANT, "Done")),
            10,
            100));
    assertEquals(
        Reason.MISSING_CONTENT,
        FineTuneChecks.problem(
            of(Message.of(Role.USER, " "), Message.of(Role.ASSISTANT, "Hello")), 10, 100));
    assertEquals(
        Reason.TOO_MANY_TOKENS,
        FineTuneChecks.problem(
            of(Message.of(Role.USER, "Hi"), Message.of(Role.ASSISTANT, "Hello")), 101, 100));
  }
}
