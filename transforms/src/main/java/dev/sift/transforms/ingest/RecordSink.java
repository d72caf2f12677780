package dev.sift.transforms.ingest;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Reason;
import dev.sift.schemas.SourceRef;

/** Where a file reader puts what it reads. Each call accounts for exactly one record. */
interface RecordSink {

  void conversation(Conversation conversation);

  void deadLetter(SourceRef source, Reason reason, String problem, String raw);

  /** A CSV row, to be grouped with the other rows of its conversation; not yet a record. */
  void csvTurn(CsvTurn turn);
}
