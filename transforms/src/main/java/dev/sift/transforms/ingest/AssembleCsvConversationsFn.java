package dev.sift.transforms.ingest;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Fingerprint;
import dev.sift.schemas.Message;
import dev.sift.schemas.Reason;
import dev.sift.schemas.SourceRef;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.accounting.Accounting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Builds conversations from grouped CSV rows: each conversation's rows ordered by the order column,
 * metadata taken from the first row that has each column. A conversation with a bad row is
 * dead-lettered whole, with all its rows as raw text.
 */
final class AssembleCsvConversationsFn extends DoFn<KV<String, Iterable<CsvTurn>>, Conversation> {
  private static final String FORMAT = InputFormat.CSV.code();

  private final String taskField;
  private final int rawLimit;

  AssembleCsvConversationsFn(String taskField, int rawLimit) {
    this.taskField = taskField;
    this.rawLimit = rawLimit;
  }

  /**
   * The group a row joins: its file and one of 256 buckets of conversation ids. One group per
   * conversation would give the Direct Runner one bundle per conversation, and every later step its
   * per-bundle cost per conversation; a bucket's conversations are told apart in memory.
   */
  static String groupOf(CsvTurn row) {
    return row.getFile()
        + '\u0000'
        + Fingerprint.of(row.getConversationId()).hex128().substring(0, 2);
  }

  @ProcessElement
  public void processElement(
      @Element KV<String, Iterable<CsvTurn>> bucket, MultiOutputReceiver out) {
    for (List<CsvTurn> rows : byConversation(bucket.getValue())) {
      emit(rows, out);
    }
  }

  /** Each conversation's rows, in file order; the conversations in the order of their ids. */
  static Collection<List<CsvTurn>> byConversation(Iterable<CsvTurn> rows) {
    Map<String, List<CsvTurn>> byConversation = new TreeMap<>();
    for (CsvTurn row : rows) {
      byConversation.computeIfAbsent(row.getConversationId(), id -> new ArrayList<>()).add(row);
    }
    for (List<CsvTurn> conversation : byConversation.values()) {
      conversation.sort(Comparator.comparingLong(CsvTurn::getRow));
    }
    return byConversation.values();
  }

  /** Where a conversation of {@code rows} (in file order) starts. */
  static SourceRef sourceOf(List<CsvTurn> rows) {
    CsvTurn first = rows.get(0);
    return SourceRef.create(first.getFile(), first.getLine(), first.getRow(), FORMAT);
  }

  private void emit(List<CsvTurn> rows, MultiOutputReceiver out) {
    CsvTurn first = rows.get(0);
    SourceRef source = sourceOf(rows);
    Accounting.read();
    try {
      out.get(StageOutputs.CONVERSATIONS).output(assemble(rows, source, taskField));
    } catch (RecordException e) {
      String raw = rows.stream().map(CsvTurn::getRaw).collect(Collectors.joining("\n"));
      String problem = "conversation '" + first.getConversationId() + "': " + e.problem();
      Accounting.deadLettered(e.reason().code());
      out.get(StageOutputs.DEAD_LETTERS)
          .output(
              DeadLetter.create(
                  source, "", ReadConversations.STAGE, e.reason(), problem, raw, rawLimit));
    }
  }

  /** The conversation of {@code rows}, all rows of one conversation in file order. */
  static Conversation assemble(List<CsvTurn> rows, SourceRef source, String taskField)
      throws RecordException {
    for (CsvTurn row : rows) {
      if (row.getErrorReason() != null) {
        throw new RecordException(Reason.fromCode(row.getErrorReason()), row.getErrorProblem());
      }
    }
    List<Message> messages = new ArrayList<>(rows.size());
    for (CsvTurn row : TurnOrder.sort(rows)) {
      messages.add(Message.create(row.getRole(), row.getContent(), row.getName()));
    }
    Map<String, String> metadata = new TreeMap<>();
    rows.forEach(row -> row.getMetadata().forEach(metadata::putIfAbsent));
    String task = metadata.get(taskField);
    if (task == null || task.isBlank()) {
      task = FileContext.folderTask(source.getFile());
    }
    return Conversation.of(task.strip(), source, messages, metadata);
  }
}
