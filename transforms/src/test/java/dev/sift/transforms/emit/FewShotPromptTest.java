package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FewShotPromptTest {
  private static Conversation conversation(int record, Message... messages) {
    return Conversation.of(
        "billing",
        SourceRef.create("logs/a.jsonl", record + 1, record, "openai"),
        List.of(messages),
        Map.of());
  }

  private static final List<Conversation> EXAMPLES =
      List.of(
          conversation(
              0,
              Message.of(Role.SYSTEM, "You are a billing agent."),
              Message.of(Role.USER, "Can I get a refund?"),
              Message.of(Role.ASSISTANT, "Yes: I refunded the charge.\n\nIt takes 3 days.\n")),
          conversation(
              1,
              Message.of(Role.USER, "Where is my invoice?"),
              Message.of(Role.ASSISTANT, "Let me look it up."),
              Message.of(Role.TOOL, "{\"invoice\": 42}"),
              Message.of(Role.ASSISTANT, "It is invoice 42.")));

  @Test
  void rendersTheSystemPromptThenEachExample() {
    assertEquals(
        """
        You are a billing agent.

        Here are examples of how to answer:

        --- Example 1 ---
        User: Can I get a refund?
        Assistant: Yes: I refunded the charge.

        It takes 3 days.

        --- Example 2 ---
        User: Where is my invoice?
        Assistant: Let me look it up.
        Tool: {"invoice": 42}
        Assistant: It is invoice 42.
        """,
        FewShotPrompt.render("You are a billing agent.\n", EXAMPLES));
  }

  @Test
  void withoutASystemPromptStartsWithTheExamples() {
    assertEquals(
        """
        Here are examples of how to answer:

        --- Example 1 ---
        User: Where is my invoice?
        Assistant: Let me look it up.
        Tool: {"invoice": 42}
        Assistant: It is invoice 42.
        """,
        FewShotPrompt.render(null, EXAMPLES.subList(1, 2)));
    assertEquals("", FewShotPrompt.render(" ", List.of()));
    assertEquals("Be brief.\n", FewShotPrompt.render("Be brief.", List.of()));
  }
}
