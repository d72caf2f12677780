package dev.sift.transforms;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import java.util.ArrayList;
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

  /**
   * {@code n} distinct lower-case words ("wa", "wb", ...) from the {@code from}-th on: letters
   * only, so that no dedup mask or anonymiser touches them.
   */
  public static List<String> distinctWords(int n, int from) {
    List<String> words = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      StringBuilder word = new StringBuilder("w");
      for (int v = i; v > 0 || word.length() == 1; v /= 26) {
        word.append((char) ('a' + v % 26));
      }
      words.add(word.toString());
    }
    return words;
  }
}
