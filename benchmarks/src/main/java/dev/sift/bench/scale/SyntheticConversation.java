package dev.sift.bench.scale;

import java.util.List;
import java.util.Optional;

/** A generated conversation before it is written in one of the input formats. */
record SyntheticConversation(
    String id, String task, Optional<String> agent, List<Message> messages) {

  SyntheticConversation {
    messages = List.copyOf(messages);
  }

  record Message(String role, String content) {}
}
