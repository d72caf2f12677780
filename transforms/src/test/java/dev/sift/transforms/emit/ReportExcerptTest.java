package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportExcerptTest {
  private static Conversation conversation(List<Message> messages) {
    return Conversation.of(
        "billing", SourceRef.create("logs/a.jsonl", 1, 0, "openai"), messages, Map.of());
  }

  @Test
  void aShortExampleIsShownWholeWithoutItsSystemPrompt() {
    JsonNode excerpt =
        ReportExcerpt.of(
            conversation(
                List.of(
                    Message.of(Role.SYSTEM, "You are a billing agent."),
                    Message.of(Role.USER, "Can I get a refund?"),
                    Message.of(Role.ASSISTANT, "Yes."))),
            12,
            0.9);

    assertEquals(2, excerpt.get("messages").size());
    assertEquals("user", excerpt.at("/messages/0/role").asText());
    assertEquals("Can I get a refund?", excerpt.at("/messages/0/content").asText());
    assertEquals(12, excerpt.get("tokens").asInt());
    assertEquals(0, excerpt.get("messagesLeftOut").asInt());
    assertEquals(0, excerpt.get("charsLeftOut").asInt());
  }

  @Test
  void aLongExampleIsCutToItsCharacterBudgetAndSaysWhatWasLeftOut() {
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      messages.add(Message.of(i % 2 == 0 ? Role.USER : Role.ASSISTANT, "x".repeat(900)));
    }

    JsonNode excerpt = ReportExcerpt.of(conversation(messages), 1_000, 0.5);

    int whole = ReportExcerpt.CHARS / 900;
    assertEquals(whole + 1, excerpt.get("messages").size());
    assertEquals(
        ReportExcerpt.CHARS - 900 * whole,
        excerpt.at("/messages/" + whole + "/content").asText().length(),
        "the last turn shown is cut to the characters left");
    assertEquals(4 - whole - 1, excerpt.get("messagesLeftOut").asInt());
    assertEquals(4 * 900 - ReportExcerpt.CHARS, excerpt.get("charsLeftOut").asInt());
  }

  @Test
  void aLongConversationShowsAtMostItsFirstTurns() {
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      messages.add(Message.of(i % 2 == 0 ? Role.USER : Role.ASSISTANT, "turn " + i));
    }

    JsonNode excerpt = ReportExcerpt.of(conversation(messages), 90, 0.8);

    assertEquals(ReportExcerpt.MESSAGES, excerpt.get("messages").size());
    assertEquals(30 - ReportExcerpt.MESSAGES, excerpt.get("messagesLeftOut").asInt());
  }
}
