package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes {@link JsonLinesReader}: whatever the bytes, it throws nothing, and every line that is not
 * blank is one record, parsed or dead-lettered with a reason, counted against {@link LineModel}.
 */
class JsonLinesReaderFuzzTest {

  @Property(tries = 10_000)
  void everyLineThatIsNotBlankIsOneRecord(
      @ForAll("files") byte[] file, @ForAll("bounds") int maxBytes) throws IOException {
    assertEveryLineAccountedFor(file, maxBytes);
  }

  @Property(tries = 10_000)
  void randomBytesAreReadLineByLine(
      @ForAll("randomBytes") byte[] file, @ForAll("bounds") int maxBytes) throws IOException {
    assertEveryLineAccountedFor(file, maxBytes);
  }

  /** A file cut short at every offset: a download or copy that stopped part-way. */
  @Property(tries = 100)
  void everyTruncationIsAccountedFor(@ForAll("files") byte[] file, @ForAll("bounds") int maxBytes)
      throws IOException {
    byte[] head = Arrays.copyOf(file, Math.min(file.length, 1_500));
    for (int cut = 0; cut <= head.length; cut++) {
      assertEveryLineAccountedFor(Arrays.copyOf(head, cut), maxBytes);
    }
  }

  private static void assertEveryLineAccountedFor(byte[] file, int maxBytes) throws IOException {
    RecordingSink sink =
        RecordingSink.read(new JsonLinesReader(), file, HostileInputs.ingest(maxBytes, "---"));
    long expected = LineModel.lines(file, maxBytes).stream().filter(line -> !line.blank()).count();
    assertEquals(expected, sink.records(), "records: conversations + dead letters");
  }

  @Provide
  Arbitrary<byte[]> files() {
    return HostileInputs.from(false, in -> in.joined(in.lines(12, HostileInputs::jsonLine)));
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
