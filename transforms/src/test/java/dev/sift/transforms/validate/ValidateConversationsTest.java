package dev.sift.transforms.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Reason;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidateConversationsTest {

  @Test
  void acceptsAConversationWithAnAssistantTurn() {
    assertTrue(
        ValidateConversations.check(
                conversation(Message.of(Role.USER, "hi"), Message.of(Role.ASSISTANT, "hello")))
            .isEmpty());
  }

  @Test
  void namesTheFirstRuleBroken() {
    assertEquals(Reason.EMPTY_CONVERSATION, reason(conversation()));
    assertEquals(
        Reason.EMPTY_MESSAGE,
        reason(conversation(Message.of(Role.USER, "hi"), Message.of(Role.ASSISTANT, ""))));
    assertEquals(
        Reason.NO_ASSISTANT_TURN,
        reason(conversation(Message.of(Role.SYSTEM, "be nice"), Message.of(Role.USER, "hi"))));
  }

  @Test
  void saysWhichTurnIsEmpty() {
    var violation =
        ValidateConversations.check(
            conversation(Message.of(Role.USER, ""), Message.of(Role.ASSISTANT, "ok")));
    assertEquals("turn 1 (user) has no text", violation.orElseThrow().problem());
  }

  private static Reason reason(Conversation conversation) {
    return ValidateConversations.check(conversation).orElseThrow().reason();
  }

  private static Conversation conversation(Message... messages) {
    return Conversation.of(
        "t", SourceRef.create("f.jsonl", 1, 1, "openai"), List.of(messages), Map.of());
  }
}
