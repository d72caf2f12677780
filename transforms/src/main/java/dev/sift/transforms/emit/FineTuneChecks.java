package dev.sift.transforms.emit;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Reason;
import dev.sift.schemas.Role;

/**
 * The checks hosted fine-tuning applies to each example of a chat-format file, applied before
 * writing so that the file is accepted as is: an assistant message to learn from, only system, user
 * and assistant turns (a tool turn needs the call it answers, which the canonical schema does not
 * keep), no blank message, and no more tokens than {@code emit.maxExampleTokens}.
 */
final class FineTuneChecks {
  private FineTuneChecks() {}

  /** The reason the example is refused, or null when it passes. */
  static Reason problem(Conversation conversation, long tokens, int maxExampleTokens) {
    boolean assistant = false;
    for (Message message : conversation.getMessages()) {
      if (message.getRole().equals(Role.TOOL.wireName())) {
        return Reason.UNSUPPORTED_ROLE;
      }
      if (message.getContent() == null || message.getContent().isBlank()) {
        return Reason.MISSING_CONTENT;
      }
      assistant |= message.getRole().equals(Role.ASSISTANT.wireName());
    }
    if (!assistant) {
      return Reason.NO_ASSISTANT_MESSAGE;
    }
    return tokens > maxExampleTokens ? Reason.TOO_MANY_TOKENS : null;
  }
}
