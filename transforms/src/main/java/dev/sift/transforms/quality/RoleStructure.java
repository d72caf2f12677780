package dev.sift.transforms.quality;

import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import java.util.List;

/**
 * Whether a conversation's turns have the shape a chat model learns from: system turns only before
 * the first other turn, user and assistant turns alternating (a tool turn continues the
 * assistant's), no empty turn, and the assistant speaking last.
 */
enum RoleStructure {
  VALID,
  SYSTEM_AFTER_START,
  NOT_ALTERNATING,
  EMPTY_TURN,
  NOT_ENDING_WITH_ASSISTANT;

  String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static RoleStructure of(List<Message> messages) {
    String previous = null;
    for (Message message : messages) {
      String role = message.getRole();
      if (message.getContent().isBlank()) {
        return EMPTY_TURN;
      }
      if (role.equals(Role.SYSTEM.wireName())) {
        if (previous != null) {
          return SYSTEM_AFTER_START;
        }
        continue;
      }
      String side = role.equals(Role.TOOL.wireName()) ? Role.ASSISTANT.wireName() : role;
      boolean continuesWithTool =
          role.equals(Role.TOOL.wireName()) || Role.TOOL.wireName().equals(previous);
      if (side.equals(sideOf(previous)) && !continuesWithTool) {
        return NOT_ALTERNATING;
      }
      previous = role;
    }
    return Role.ASSISTANT.wireName().equals(previous) ? VALID : NOT_ENDING_WITH_ASSISTANT;
  }

  private static String sideOf(String role) {
    return Role.TOOL.wireName().equals(role) ? Role.ASSISTANT.wireName() : role;
  }
}
