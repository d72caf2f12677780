package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.JsonSchemas;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.write.OutputLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dedup pipeline alone, {@code run(options)} on the samples, judged by the files it writes. */
class DedupPipelineIT {
  private static final Path SAMPLES = CuratePipelineTest.SAMPLES;

  @Test
  void keepsOneConversationPerClusterAndFiltersTheOthersNamingIt(@TempDir Path out)
      throws IOException {
    PipelineOptionsFactory.register(DedupOptions.class);
    DedupPipeline.run(
        PipelineOptionsFactory.fromArgs(
                "--input=" + SAMPLES.resolve("logs/**"),
                "--output=" + out,
                "--spec=" + SAMPLES.resolve("spec.yaml"))
            .withValidation()
            .as(DedupOptions.class));

    Set<String> kept = new HashSet<>();
    try (Stream<Path> files = Files.walk(out.resolve(OutputLayout.DEDUPLICATED))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        JsonSchemas.assertJsonLinesValid("conversation.schema.json", file);
        for (String line : Files.readAllLines(file)) {
          kept.add(Json.mapper().readTree(line).get("id").asText());
        }
      }
    }
    Map<String, Long> byReason = new TreeMap<>();
    Path filtered = out.resolve(OutputLayout.FILTERED);
    JsonSchemas.assertJsonLinesValid("filtered.schema.json", filtered);
    for (String line : Files.readAllLines(filtered)) {
      JsonNode record = Json.mapper().readTree(line);
      byReason.merge(record.get("reason").asText(), 1L, Long::sum);
      String representative = record.get("detail").asText().replaceFirst("^.* of ", "");
      assertTrue(kept.contains(representative), line);
    }
    // The sample's 8 exact copies of billing conversations, its 3 near-duplicate template fills and
    // the 24 interrupted-upload lines that differ from the kept one only by order number.
    assertEquals(Map.of("exact_duplicate", 32L, "near_duplicate", 3L), byReason);
    assertEquals(338 - 20 - 35, kept.size(), "read, less dead letters, less duplicates");
    assertEquals(
        20,
        JsonSchemas.assertJsonLinesValid(
            "dead-letter.schema.json", out.resolve(OutputLayout.DEAD_LETTERS)));
  }
}
