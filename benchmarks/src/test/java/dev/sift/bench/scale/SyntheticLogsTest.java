package dev.sift.bench.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.pipelines.CurateOptions;
import dev.sift.pipelines.CuratePipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticLogsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void theSameSeedGivesTheSameBytesWhateverTheThreads(@TempDir Path dir) throws Exception {
    generate(dir.resolve("one"), 600, "mixed", 1);
    generate(dir.resolve("two"), 600, "mixed", 2);

    List<Path> files = files(dir.resolve("one"));
    assertEquals(files.size(), files(dir.resolve("two")).size());
    for (Path file : files) {
      Path other = dir.resolve("two").resolve(dir.resolve("one").relativize(file));
      assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(other), file.toString());
    }
  }

  @Test
  void copiesHoldTheirSourcesMessagesAndEditsChangeAFewWords() {
    LogPlan plan = new LogPlan(7, SyntheticLogs.tasks(4), 1.0, SyntheticLogs.percents(""));
    RecordMaker maker = new RecordMaker(7, plan);
    Map<Planted, Integer> seen = new EnumMap<>(Planted.class);
    for (long i = 0; i < 2_000; i++) {
      RecordMaker.Made made = maker.make(i);
      Planted kind = made.label().kind();
      seen.merge(kind, 1, Integer::sum);
      if (!kind.hasSource()) {
        continue;
      }
      long source = Long.parseLong(made.label().of().substring("syn-".length()));
      RecordMaker.Made original = maker.make(source);
      assertEquals(Planted.CLEAN, original.label().kind());
      assertEquals(original.label().task(), made.label().task());
      List<String> copy = contents(made);
      List<String> from = contents(original);
      switch (kind) {
        case EXACT_DUPLICATE -> assertEquals(from, copy);
        case NEAR_DUPLICATE -> {
          assertNotEquals(from, copy);
          assertTrue(wordsChanged(from, copy) <= 2, () -> from + " vs " + copy);
        }
        default -> assertNotEquals(from, copy, "another conversation's answers");
      }
    }
    for (Planted kind : Planted.values()) {
      assertTrue(seen.getOrDefault(kind, 0) > 0, () -> "no " + kind + " in 2,000 records");
    }
  }

  @Test
  void siftReadsEveryRecordAndDeadLettersExactlyTheMalformedOnes(@TempDir Path dir)
      throws Exception {
    generate(dir.resolve("syn"), 400, "mixed", 2);
    Map<String, Integer> kinds = new java.util.TreeMap<>();
    labels(dir.resolve("syn"))
        .forEach(label -> kinds.merge(label.get("kind").asText(), 1, Integer::sum));

    Path out = dir.resolve("out");
    PipelineOptionsFactory.register(CurateOptions.class);
    // As ./bench scale runs it: lexical scoring, on its Direct Runner.
    List<String> args =
        new ArrayList<>(
            List.of("--input=" + dir.resolve("syn/logs/**"), "--output=" + out, "--semantic=off"));
    args.addAll(ScaleBench.DIRECT_RUNNER);
    CuratePipeline.run(
        PipelineOptionsFactory.fromArgs(args.toArray(String[]::new))
            .withValidation()
            .as(CurateOptions.class));

    JsonNode accounting =
        MAPPER.readTree(out.resolve("report/quality-report.json").toFile()).get("accounting");
    assertEquals(400, accounting.get("read").asLong());
    assertTrue(accounting.get("balanced").asBoolean());
    assertEquals((long) kinds.get("malformed"), accounting.get("deadLettered").asLong());
    assertEquals(
        (long) kinds.getOrDefault("exact_duplicate", 0),
        accounting.path("filteredBy").path("exact_duplicate").asLong());
  }

  private static void generate(Path out, int conversations, String format, int threads)
      throws Exception {
    SyntheticLogs.main(
        new String[] {
          "--out=" + out,
          "--conversations=" + conversations,
          "--format=" + format,
          "--per-file=150",
          "--threads=" + threads
        });
  }

  private static List<JsonNode> labels(Path dir) throws IOException {
    List<JsonNode> labels = new ArrayList<>();
    for (Path file : files(dir.resolve("labels"))) {
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          labels.add(MAPPER.readTree(line));
        }
      }
    }
    return labels;
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static List<String> contents(RecordMaker.Made made) {
    return made.conversation().messages().stream()
        .map(SyntheticConversation.Message::content)
        .toList();
  }

  private static int wordsChanged(List<String> from, List<String> copy) {
    int changed = 0;
    for (int i = 0; i < from.size(); i++) {
      changed += Math.abs(from.get(i).split(" ").length - copy.get(i).split(" ").length);
    }
    return changed;
  }
}
