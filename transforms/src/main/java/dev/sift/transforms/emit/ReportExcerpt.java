package dev.sift.transforms.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.transforms.json.Json;
import java.util.List;

/**
 * A chosen few-shot example as the quality report shows it: its non-system turns, at most {@value
 * #MESSAGES} of them and {@value #CHARS} characters together, the last one shown cut to what is
 * left, with how much was left out. The bundle file has the whole examples; the report holds at
 * most {@value #EXAMPLES} of them, so that its size does not grow with {@code fewShotK}.
 */
final class ReportExcerpt {
  static final int EXAMPLES = 5;
  static final int MESSAGES = 8;
  static final int CHARS = 1_500;

  private ReportExcerpt() {}

  static ObjectNode of(Conversation conversation, int tokens, double quality) {
    ObjectNode node = Json.object();
    node.put("id", conversation.getId());
    node.put("tokens", tokens);
    node.put("quality", quality);
    ArrayNode messages = node.putArray("messages");
    List<Message> turns =
        conversation.getMessages().stream()
            .filter(m -> !m.getRole().equals(Role.SYSTEM.wireName()))
            .toList();
    int left = CHARS;
    long charsLeftOut = 0;
    int shown = 0;
    for (Message message : turns) {
      String content = message.getContent();
      if (shown == MESSAGES || left == 0) {
        charsLeftOut += content.length();
        continue;
      }
      String excerpt = content;
      if (content.length() > left) {
        int end = left;
        if (Character.isHighSurrogate(content.charAt(end - 1))) {
          end--;
        }
        excerpt = content.substring(0, end);
        charsLeftOut += content.length() - end;
      }
      left -= excerpt.length();
      ObjectNode turn = messages.addObject();
      turn.put("role", message.getRole());
      turn.put("content", excerpt);
      shown++;
    }
    node.put("messagesLeftOut", turns.size() - shown);
    node.put("charsLeftOut", charsLeftOut);
    return node;
  }
}
