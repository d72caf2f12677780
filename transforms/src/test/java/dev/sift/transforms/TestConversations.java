package dev.sift.transforms;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import java.util.List;
import java.util.Map;

/** Small conversations for transform tests. */
public final class TestConversations {
  private TestConversations() {}

  /** A user question and an assistant answer, from record {@code record} of {@code file}. */
  public static Conversation qa(
      String task, String file, long record, String question, String answer) {
    return Conversation.of(
        task,
        SourceRef.create(file, record, record, "openai"),
        List.of(Message.of(Role.USER, question), Message.of(Role.ASSISTANT, answer)),
        Map.of());
  }
}
