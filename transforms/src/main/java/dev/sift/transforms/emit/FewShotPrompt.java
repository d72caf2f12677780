package dev.sift.transforms.emit;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The ready-to-paste prompt of a few-shot bundle, plain text (docs/few-shot.md):
 *
 * <pre>
 * {system prompt}
 *
 * Here are examples of how to answer:
 *
 * --- Example 1 ---
 * User: {content}
 * Assistant: {content}
 *
 * --- Example 2 ---
 * ...
 * </pre>
 *
 * The system prompt and its blank line are left out when there is none. Each non-system message is
 * one block {@code Role: content} (User, Assistant, Tool; another role name capitalised), content
 * as is but for trailing whitespace; system messages inside the examples are left out, since the
 * bundle carries the task's one system prompt. Lines end in {@code \n}, and so does the text.
 */
public final class FewShotPrompt {
  static final String INTRODUCTION = "Here are examples of how to answer:";

  private FewShotPrompt() {}

  /**
   * The prompt of {@code examples}, in order, after {@code systemPrompt} (null or blank: none).
   * Without examples it is the system prompt alone, or empty.
   */
  public static String render(@Nullable String systemPrompt, List<Conversation> examples) {
    StringBuilder text = new StringBuilder();
    if (systemPrompt != null && !systemPrompt.isBlank()) {
      text.append(systemPrompt.stripTrailing()).append('\n');
    }
    if (examples.isEmpty()) {
      return text.toString();
    }
    if (text.length() > 0) {
      text.append('\n');
    }
    text.append(INTRODUCTION).append('\n');
    for (int i = 0; i < examples.size(); i++) {
      text.append("\n--- Example ").append(i + 1).append(" ---\n");
      for (Message message : examples.get(i).getMessages()) {
        if (message.getRole().equals(Role.SYSTEM.wireName())) {
          continue;
        }
        text.append(label(message.getRole()))
            .append(": ")
            .append(message.getContent().stripTrailing())
            .append('\n');
      }
    }
    return text.toString();
  }

  private static String label(String role) {
    if (role.isEmpty()) {
      return "Unknown";
    }
    return role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1);
  }
}
