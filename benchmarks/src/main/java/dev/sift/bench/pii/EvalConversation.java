package dev.sift.bench.pii;

import java.util.List;
import java.util.Optional;

/**
 * One conversation of the evaluation set. {@code agent}, when present, is the support agent's name
 * as a support tool's export carries it in the record's metadata: the detector is told it, as the
 * pipeline tells it the names a record declares.
 */
public record EvalConversation(
    String id, String task, Optional<String> agent, List<EvalMessage> messages) {

  public EvalConversation {
    messages = List.copyOf(messages);
  }

  /** The names the record declares in its metadata. */
  public List<String> knownNames() {
    return agent.map(List::of).orElse(List.of());
  }
}
