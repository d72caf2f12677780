package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.spec.SiftSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the reading of whole files as a folder of mixed inputs holds them: any name, content of
 * any format or none, gzipped or not, a gzip stream cut short. Format detection and every reader
 * behind it throw nothing; only a broken gzip stream stops reading with an I/O error, which the
 * pipeline dead-letters as the file's unread rest.
 */
class InputFileReaderFuzzTest {
  private static final List<String> NAMES =
      List.of(
          "chat.jsonl",
          "chat.json",
          "export.ndjson",
          "turns.csv",
          "session.txt",
          "session.log",
          "notes.transcript",
          "data.dat",
          "noextension",
          "chat.jsonl.gz",
          "turns.CSV.GZIP",
          "weird.json.gz");

  /** A file as found in a folder of inputs: its name, its bytes, whether they are gzip. */
  record InputFile(String name, byte[] bytes, boolean gzip) {}

  @Property(tries = 10_000)
  void anyFileOfAMixedFolderIsReadWithoutFailing(
      @ForAll("files") InputFile file, @ForAll("specs") SiftSpec spec) {
    FileContext context =
        FileContext.of(
            "/data/mixed/" + file.name(), spec.ingest(), spec.taskField(), InputFormat.AUTO);
    RecordingSink sink = new RecordingSink(spec.ingest().maxRecordBytes());
    try {
      InputFileReader.read(context.file(), new ByteArrayInputStream(file.bytes()), context, sink);
    } catch (IOException | UncheckedIOException e) {
      assertTrue(file.gzip(), "only a broken gzip stream stops reading: " + e);
    }
  }

  @Provide
  Arbitrary<InputFile> files() {
    return HostileInputs.from(false, InputFileReaderFuzzTest::file);
  }

  /** A file of any format, or none, gzipped or not, with a gzip stream now and then cut short. */
  static InputFile file(HostileInputs in) {
    {
      {
        byte[] content =
            switch (in.below(5)) {
              case 0 -> in.joined(in.lines(10, HostileInputs::jsonLine));
              case 1 -> in.joined(in.lines(12, HostileInputs::transcriptLine));
              case 2 ->
                  in.joined(
                      List.of(
                          "conversation_id,turn_index,role,text",
                          "c1,1," + in.csvField("role") + "," + in.csvField("text"),
                          in.csvField("conversation_id") + ",2,assistant,\"" + in.text()));
              case 3 ->
                  in.joined(
                      List.of("[" + String.join(",", in.lines(5, HostileInputs::jsonLine)) + "]"));
              default -> in.joined(List.of(in.text()));
            };
        boolean gzip = in.chance(0.3);
        if (gzip) {
          content = gzip(content);
          if (in.chance(0.3)) {
            content = Arrays.copyOf(content, in.below(content.length + 1));
          }
        }
        return new InputFile(in.pick(NAMES), content, gzip);
      }
    }
  }

  @Provide
  Arbitrary<SiftSpec> specs() {
    return Arbitraries.integers()
        .between(64, 4_096)
        .map(
            bound ->
                new SiftSpec(
                    null, null, null, HostileInputs.ingest(bound, "---"), null, null, null, null));
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
