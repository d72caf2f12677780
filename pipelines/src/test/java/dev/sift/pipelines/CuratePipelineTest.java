package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Reason;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.SpecLoader;
import dev.sift.transforms.ingest.InputFormat;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.write.OutputLayout;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accounting on the samples' deliberately broken inputs: every record read ends emitted,
 * filtered or dead-lettered, and every count is the one the inputs call for.
 */
@ExtendWith(TestPipelineExtension.class)
class CuratePipelineTest {
  static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

  /**
   * {@code args} and the Direct Runner options {@code ./sift} adds, for the ITs that run the
   * pipeline as users do: Beam's immutability and encodability checks cost about a fifth of a run.
   * The tests on {@code TestPipeline}, this class's among them, keep the checks.
   */
  static String[] withLauncherFlags(String... args) {
    return Stream.concat(
            Arrays.stream(args),
            Stream.of("--enforceImmutability=false", "--enforceEncodability=false"))
        .toArray(String[]::new);
  }

  private static final Path BROKEN = SAMPLES.resolve("logs/broken");

  private static final Map<String, Long> DEAD_LETTERS_BY_REASON =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("invalid_json", 1L),
              Map.entry("record_too_large", 1L),
              Map.entry("csv_missing_column", 3L),
              Map.entry("truncated_record", 1L),
              Map.entry("wrong_field_type", 1L),
              Map.entry("missing_field", 1L),
              Map.entry("unknown_role", 2L),
              Map.entry("unsupported_content", 1L),
              Map.entry("empty_conversation", 1L),
              Map.entry("empty_message", 1L),
              Map.entry("no_assistant_turn", 1L),
              Map.entry("invalid_utf8", 1L),
              Map.entry("missing_speaker", 1L),
              Map.entry("invalid_turn_order", 1L),
              Map.entry("csv_malformed_row", 1L),
              Map.entry("unreadable_file", 1L),
              Map.entry("unknown_format", 1L)));

  @Test
  void theBrokenSamplesHoldEveryKindOfBadInput() {
    Set<String> deadLetterReasons =
        Arrays.stream(Reason.values())
            .filter(reason -> reason.kind() == Reason.Kind.DEAD_LETTER)
            .map(Reason::code)
            .collect(Collectors.toSet());
    assertEquals(deadLetterReasons, DEAD_LETTERS_BY_REASON.keySet());
  }

  @Test
  void everyRecordOfTheBrokenSamplesIsAccountedFor(TestPipeline pipeline, @TempDir Path out)
      throws IOException {
    SiftSpec spec =
        CuratePipeline.withSemantic(
            SpecLoader.load(SAMPLES.resolve("spec.yaml").toString()), "off");
    CuratePipeline.Outputs outputs =
        CuratePipeline.buildPipeline(
            pipeline, List.of(BROKEN + "/*"), out.toString(), spec, InputFormat.AUTO);

    PAssert.that(outputs.deadLetters())
        .satisfies(
            letters -> {
              Map<String, Long> byReason = new TreeMap<>();
              for (DeadLetter letter : letters) {
                byReason.merge(letter.getReason(), 1L, Long::sum);
              }
              assertEquals(DEAD_LETTERS_BY_REASON, byReason);
              return null;
            });
    pipeline.run().waitUntilFinish();

    long shipped = completeLinesBeforeTheCut(BROKEN.resolve("interrupted-upload.jsonl.gz"));
    long deadLettered = DEAD_LETTERS_BY_REASON.values().stream().mapToLong(Long::longValue).sum();
    long read =
        12 /* chat-export.jsonl */
            + 1 /* agent-notes.txt */
            + 4 /* helpdesk-broken.csv */
            + 3 /* intent-labels.csv */
            + shipped
            + 1 /* the unreadable rest */
            + 1 /* export-notes.dat */;
    // The upload's lines differ only by order number: one is kept, the others are exact duplicates.
    long bundled = 1 /* billing */ + 1 /* returns */ + 1 /* shipping */;

    JsonNode accounting = report(out).get("accounting");
    assertEquals(read, accounting.get("read").asLong());
    assertEquals(bundled, accounting.get("emitted").asLong());
    assertEquals(shipped - 1, accounting.get("filtered").asLong());
    assertEquals(shipped - 1, accounting.at("/filteredBy/exact_duplicate").asLong());
    assertEquals(deadLettered, accounting.get("deadLettered").asLong());
    assertTrue(accounting.get("balanced").asBoolean());
    assertEquals(
        DEAD_LETTERS_BY_REASON,
        Json.mapper()
            .convertValue(
                accounting.get("deadLetteredBy"), new TypeReference<TreeMap<String, Long>>() {}));
    assertEquals(deadLettered, Files.readAllLines(out.resolve(OutputLayout.DEAD_LETTERS)).size());
    assertEquals(25, shipped, "the lines before the cut come through");
  }

  /** The complete lines a gzip reader gets out of the truncated upload before the stream breaks. */
  private static long completeLinesBeforeTheCut(Path file) throws IOException {
    long lines = 0;
    byte[] buffer = new byte[8192];
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          lines += buffer[i] == '\n' ? 1 : 0;
        }
      }
    } catch (EOFException expected) {
      // The stream is cut on purpose.
    }
    return lines;
  }

  static JsonNode report(Path out) throws IOException {
    return Json.mapper().readTree(out.resolve(OutputLayout.REPORT).toFile());
  }
}
