package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Reason;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.IngestSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what a reader hands over, and checks each dead letter as it comes: a reason, a problem a
 * person can read, and a raw text no longer than the record bound.
 */
final class RecordingSink implements RecordSink {
  record DeadLetter(SourceRef source, Reason reason, String problem, String raw) {}

  final List<Conversation> conversations = new ArrayList<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();
  final List<CsvTurn> csvTurns = new ArrayList<>();
  private final long maxRawChars;

  /**
   * {@code maxRecordBytes}: the record bound; a dead letter's raw text may be longer only by what a
   * parser reads ahead (CSV) or shows around an error (JSON documents).
   */
  RecordingSink(long maxRecordBytes) {
    this.maxRawChars = maxRecordBytes + CsvTurnReader.READ_AHEAD + 1_000;
  }

  /** Reads {@code file} with {@code reader} under the bound, as a file of folder {@code fuzz}. */
  static RecordingSink read(FormatReader reader, byte[] file, IngestSpec ingest)
      throws IOException {
    FileContext context = FileContext.of("/data/fuzz/input", ingest, "task", InputFormat.AUTO);
    RecordingSink sink = new RecordingSink(ingest.maxRecordBytes());
    reader.read(new ByteArrayInputStream(file), context, sink);
    return sink;
  }

  /** Records read: conversations and dead letters (CSV rows are records only once grouped). */
  int records() {
    return conversations.size() + deadLetters.size();
  }

  @Override
  public void conversation(Conversation conversation) {
    assertNotNull(conversation.getSource());
    conversations.add(conversation);
  }

  @Override
  public void deadLetter(SourceRef source, Reason reason, String problem, String raw) {
    assertNotNull(source);
    assertNotNull(reason);
    assertFalse(problem == null || problem.isBlank(), "a dead letter says what is wrong");
    assertNotNull(raw);
    assertTrue(
        raw.length() <= maxRawChars,
        "a dead letter's raw text is bounded: " + raw.length() + " chars");
    deadLetters.add(new DeadLetter(source, reason, problem, raw));
  }

  @Override
  public void csvTurn(CsvTurn turn) {
    assertNotNull(turn.getConversationId());
    csvTurns.add(turn);
  }
}
