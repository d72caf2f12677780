package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.spec.TranscriptSpec;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes {@link TranscriptReader} under every kind of delimiter: whatever the bytes, it throws
 * nothing, and every block with text is one record, counted against {@link LineModel}.
 */
class TranscriptReaderFuzzTest {

  @Property(tries = 10_000)
  void everyBlockWithTextIsOneRecord(
      @ForAll("files") byte[] file,
      @ForAll("bounds") int maxBytes,
      @ForAll("delimiters") String delimiter)
      throws IOException {
    assertEveryBlockAccountedFor(file, maxBytes, delimiter);
  }

  @Property(tries = 10_000)
  void randomBytesAreReadBlockByBlock(
      @ForAll("randomBytes") byte[] file,
      @ForAll("bounds") int maxBytes,
      @ForAll("delimiters") String delimiter)
      throws IOException {
    assertEveryBlockAccountedFor(file, maxBytes, delimiter);
  }

  @Property(tries = 60)
  void everyTruncationIsAccountedFor(
      @ForAll("files") byte[] file,
      @ForAll("bounds") int maxBytes,
      @ForAll("delimiters") String delimiter)
      throws IOException {
    byte[] head = Arrays.copyOf(file, Math.min(file.length, 1_500));
    for (int cut = 0; cut <= head.length; cut++) {
      assertEveryBlockAccountedFor(Arrays.copyOf(head, cut), maxBytes, delimiter);
    }
  }

  private static void assertEveryBlockAccountedFor(byte[] file, int maxBytes, String delimiter)
      throws IOException {
    RecordingSink sink =
        RecordingSink.read(new TranscriptReader(), file, HostileInputs.ingest(maxBytes, delimiter));
    assertEquals(blocksWithText(LineModel.lines(file, maxBytes), delimiter), sink.records());
  }

  /** Blocks between delimiter lines that hold a line that is not blank. */
  private static int blocksWithText(List<LineModel.Line> lines, String delimiter) {
    int blocks = 0;
    boolean text = false;
    for (LineModel.Line line : lines) {
      boolean isDelimiter =
          switch (delimiter) {
            case TranscriptSpec.NONE -> false;
            case TranscriptSpec.BLANK_LINE -> line.blank();
            default -> !line.tooLarge() && line.text().strip().equals(delimiter);
          };
      if (isDelimiter) {
        blocks += text ? 1 : 0;
        text = false;
      } else {
        text |= !line.blank();
      }
    }
    return blocks + (text ? 1 : 0);
  }

  @Provide
  Arbitrary<byte[]> files() {
    return HostileInputs.from(false, in -> in.joined(in.lines(16, HostileInputs::transcriptLine)));
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return HostileInputs.randomBytes();
  }

  @Provide
  Arbitrary<Integer> bounds() {
    return HostileInputs.maxRecordBytes();
  }

  @Provide
  Arbitrary<String> delimiters() {
    return Arbitraries.of("---", "###", TranscriptSpec.BLANK_LINE, TranscriptSpec.NONE);
  }
}
