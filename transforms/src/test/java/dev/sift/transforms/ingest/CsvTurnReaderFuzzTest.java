package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.SourceRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;

/**
 * Fuzzes {@link CsvTurnReader} and the assembly of its rows into conversations: whatever the bytes,
 * neither throws; every row of a well-quoted file is one turn or one dead letter, whatever its
 * fields hold (quotes, line breaks, NUL, invalid UTF-8, wrong field counts); every conversation is
 * assembled or dead-lettered; cut short anywhere, the rows before the cut are all there.
 */
class CsvTurnReaderFuzzTest {
  private static final List<String> COLUMNS =
      List.of("conversation_id", "turn_index", "role", "text", "speaker", "task");

  /** A CSV file's bytes and the byte offsets where each data row starts and ends. */
  record CsvFile(byte[] bytes, int headerEnd, List<Integer> rowStarts, List<Integer> rowEnds) {}

  @Property(tries = 10_000)
  void everyRowIsOneTurnOrDeadLetterAndEveryConversationIsAssembled(
      @ForAll("files") CsvFile file, @ForAll("bounds") int maxBytes) throws IOException {
    RecordingSink sink = read(file.bytes(), maxBytes);
    assertEquals(file.rowStarts().size(), sink.csvTurns.size() + sink.deadLetters.size());
    assembleEveryConversation(sink);
  }

  @Property(tries = 10_000)
  void randomBytesAreReadOrDeadLettered(
      @ForAll("randomBytes") byte[] file, @ForAll("bounds") int maxBytes) throws IOException {
    assembleEveryConversation(read(file, maxBytes));
  }

  @Property(tries = 60)
  void everyTruncationKeepsTheRowsBeforeIt(
      @ForAll("files") CsvFile file, @ForAll("bounds") int maxBytes) throws IOException {
    int length = Math.min(file.bytes().length, 1_500);
    for (int cut = 0; cut <= length; cut++) {
      int end = cut;
      RecordingSink sink = read(Arrays.copyOf(file.bytes(), cut), maxBytes);
      long rows = sink.csvTurns.size() + sink.deadLetters.size();
      if (cut < file.headerEnd()) {
        assertTrue(rows <= 1, "a cut header gives at most one dead letter, at " + cut);
        continue;
      }
      long complete = file.rowEnds().stream().filter(at -> at <= end).count();
      assertTrue(
          rows == complete || rows == complete + 1,
          rows + " rows for " + complete + " complete ones, cut at " + cut);
      assembleEveryConversation(sink);
    }
  }

  private static RecordingSink read(byte[] file, int maxBytes) throws IOException {
    return RecordingSink.read(new CsvTurnReader(), file, HostileInputs.ingest(maxBytes, "---"));
  }

  /** Groups the turns as the pipeline does; each group assembles or fails with a reason. */
  private static void assembleEveryConversation(RecordingSink sink) {
    Map<String, List<CsvTurn>> conversations = new TreeMap<>();
    for (CsvTurn turn : sink.csvTurns) {
      conversations.computeIfAbsent(turn.getConversationId(), id -> new ArrayList<>()).add(turn);
    }
    for (List<CsvTurn> rows : conversations.values()) {
      CsvTurn first = rows.get(0);
      try {
        AssembleCsvConversationsFn.assemble(
            rows,
            SourceRef.create(first.getFile(), first.getLine(), first.getRow(), "csv"),
            "task");
      } catch (RecordException e) {
        assertTrue(e.reason() != null && !e.problem().isBlank(), e.problem());
      }
    }
  }

  /**
   * A header (sometimes lacking a column) and rows quoted as RFC 4180 says, with hostile fields and
   * now and then a row with a field too many or too few.
   */
  @Provide
  Arbitrary<CsvFile> files() {
    return HostileInputs.from(
        true,
        in -> {
          List<String> header = new ArrayList<>(COLUMNS);
          if (in.chance(0.1)) {
            header.remove(in.below(header.size()));
          }
          String newline = in.chance(0.5) ? "\r\n" : "\n";
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          if (in.chance(0.2)) {
            out.writeBytes(HostileInputs.BYTE_ORDER_MARK);
          }
          out.writeBytes(in.withInvalidUtf8(CSVFormat.RFC4180.format(header.toArray())));
          int headerEnd = out.size();
          List<Integer> starts = new ArrayList<>();
          List<Integer> ends = new ArrayList<>();
          for (int i = in.below(12); i > 0; i--) {
            out.writeBytes(newline.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<String> fields = new ArrayList<>();
            for (String column : header) {
              fields.add(in.csvField(column));
            }
            if (in.chance(0.1)) {
              fields.add(in.text());
            } else if (in.chance(0.1) && fields.size() > 2) {
              fields.remove(fields.size() - 1);
            }
            starts.add(out.size());
            out.writeBytes(in.withInvalidUtf8(CSVFormat.RFC4180.format(fields.toArray())));
            ends.add(out.size());
          }
          if (in.chance(0.5)) {
            out.writeBytes(newline.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
          return new CsvFile(out.toByteArray(), headerEnd, starts, ends);
        });
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return HostileInputs.randomBytes();
  }

  @Provide
  Arbitrary<Integer> bounds() {
    return HostileInputs.maxRecordBytes();
  }
}
