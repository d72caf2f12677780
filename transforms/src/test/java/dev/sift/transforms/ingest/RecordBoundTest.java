package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Reason;
import dev.sift.schemas.spec.IngestSpec;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A record of 1 GiB, streamed from a generator rather than a file, is rejected by the record bound
 * without being held: every reader allocates less than 64 MiB while it reads it, and reads the
 * record after it (CSV, where an unclosed quote looks the same, stops with one dead letter).
 */
class RecordBoundTest {
  private static final long GIB = 1L << 30;
  private static final long ALLOCATION_LIMIT = 64L << 20;
  private static final IngestSpec INGEST = IngestSpec.standard();

  @Test
  void aOneGibLineOfJsonLinesIsDeadLetteredAndTheNextLineRead() throws IOException {
    RecordingSink sink =
        readBounded(
            new JsonLinesReader(),
            "{\"messages\":[{\"role\":\"user\",\"content\":\"",
            'x',
            "\"}]}\n" + record("after"));
    assertTooLargeThenOneConversation(sink);
  }

  @Test
  void aOneGibTranscriptLineIsDeadLetteredAndTheNextBlockRead() throws IOException {
    RecordingSink sink =
        readBounded(
            new TranscriptReader(),
            "User: ",
            'x',
            "\nAssistant: done\n---\nUser: after\nAssistant: yes\n");
    assertTooLargeThenOneConversation(sink);
  }

  @Test
  void aOneGibStringInAJsonArrayIsDeadLetteredAndTheNextElementRead() throws IOException {
    RecordingSink sink =
        readBounded(
            new JsonDocumentReader(),
            "[{\"messages\":[{\"role\":\"user\",\"content\":\"",
            'x',
            "\"}]},\n" + record("after") + "]");
    assertTooLargeThenOneConversation(sink);
  }

  @Test
  void aOneGibCsvFieldStopsTheFileWithOneDeadLetter() throws IOException {
    RecordingSink sink =
        readBounded(
            new CsvTurnReader(),
            "conversation_id,role,text\nc1,user,hello\nc2,user,\"",
            'x',
            "\"\nc3,user,after\n");
    assertEquals(1, sink.csvTurns.size(), "the row before the huge one");
    assertEquals(1, sink.deadLetters.size());
    assertEquals(Reason.RECORD_TOO_LARGE, sink.deadLetters.get(0).reason());
  }

  private static void assertTooLargeThenOneConversation(RecordingSink sink) {
    assertEquals(1, sink.deadLetters.size(), sink.deadLetters.toString());
    assertEquals(Reason.RECORD_TOO_LARGE, sink.deadLetters.get(0).reason());
    assertEquals(1, sink.conversations.size(), "the record after the huge one is read");
  }

  /**
   * Reads {@code prefix}, 1 GiB of {@code fill} and {@code suffix} with {@code reader}, and checks
   * how much the reading thread allocated meanwhile.
   */
  private static RecordingSink readBounded(
      FormatReader reader, String prefix, char fill, String suffix) throws IOException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    FileContext context = FileContext.of("/data/big/input", INGEST, "task", InputFormat.AUTO);
    RecordingSink sink = new RecordingSink(INGEST.maxRecordBytes());
    long before = threads.getCurrentThreadAllocatedBytes();
    reader.read(new GeneratedStream(prefix, (byte) fill, GIB, suffix), context, sink);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(
        allocated < ALLOCATION_LIMIT,
        "reading a 1 GiB record allocated " + (allocated >> 20) + " MiB");
    return sink;
  }

  private static String record(String text) {
    return "{\"messages\":[{\"role\":\"user\",\"content\":\""
        + text
        + "\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n";
  }

  /** {@code prefix}, {@code count} copies of one byte, then {@code suffix}, made as read. */
  private static final class GeneratedStream extends InputStream {
    private final byte[] prefix;
    private final byte fill;
    private final byte[] suffix;
    private final long total;
    private long position;

    GeneratedStream(String prefix, byte fill, long count, String suffix) {
      this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
      this.fill = fill;
      this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
      this.total = this.prefix.length + count + this.suffix.length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= total) {
        return -1;
      }
      int n = (int) Math.min(length, total - position);
      long fillEnd = total - suffix.length;
      for (int i = 0; i < n; ) {
        long at = position + i;
        if (at < prefix.length) {
          buffer[offset + i++] = prefix[(int) at];
        } else if (at < fillEnd) {
          int run = (int) Math.min(n - i, fillEnd - at);
          Arrays.fill(buffer, offset + i, offset + i + run, fill);
          i += run;
        } else {
          buffer[offset + i++] = suffix[(int) (at - fillEnd)];
        }
      }
      position += n;
      return n;
    }
  }
}
