package dev.sift.transforms.ingest;

import dev.sift.schemas.Reason;

/** A record that cannot become a conversation: the dead-letter reason and a readable problem. */
final class RecordException extends Exception {
  private final Reason reason;

  RecordException(Reason reason, String problem) {
    super(problem, null, false, false);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }

  String problem() {
    return getMessage();
  }
}
