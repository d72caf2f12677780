package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.JsonSchemas;
import dev.sift.schemas.OutputFiles;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.write.OutputLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curate pipeline as a user runs it, {@code run(options)} on the samples, judged by the files
 * it writes: the decisions, the balance, the outputs' schemas and their determinism.
 */
class CuratePipelineIT {
  private static final Path SAMPLES = CuratePipelineTest.SAMPLES;
  private static final Map<String, Integer> FEW_SHOT_EXAMPLES =
      Map.of("accounts", 4, "onboarding", 3, "returns", 4, "shipping", 5, "tech-support", 1);

  @Test
  void curatesTheSamplesIntoFineTuningFilesFewShotBundlesAndABalancedReport(@TempDir Path out)
      throws IOException {
    curate(List.of(SAMPLES.resolve("logs/**").toString()), out);

    JsonNode report = CuratePipelineTest.report(out);
    JsonNode accounting = report.get("accounting");
    assertEquals(338, accounting.get("read").asLong());
    assertEquals(267, accounting.get("emitted").asLong());
    assertEquals(51, accounting.get("filtered").asLong());
    assertEquals(20, accounting.get("deadLettered").asLong());
    assertTrue(accounting.get("balanced").asBoolean());
    Map<String, JsonNode> tasks = new TreeMap<>();
    report.get("tasks").forEach(task -> tasks.put(task.get("task").asText(), task));
    assertEquals(
        List.of("accounts", "billing", "onboarding", "returns", "shipping", "tech-support"),
        List.copyOf(tasks.keySet()));
    tasks.values().forEach(task -> assertTrue(task.get("balanced").asBoolean(), task.toString()));

    JsonNode billing = tasks.get("billing");
    assertEquals("both", billing.get("decision").asText(), "the sample spec asks for both");
    long train =
        JsonSchemas.assertJsonLinesValid(
            "fine-tune-example.schema.json", out.resolve("tasks/billing/train.jsonl"));
    long validation =
        JsonSchemas.assertJsonLinesValid(
            "fine-tune-example.schema.json", out.resolve("tasks/billing/validation.jsonl"));
    assertEquals(billing.at("/emitted/train").asLong(), train);
    assertEquals(billing.at("/emitted/validation").asLong(), validation);
    assertEquals(
        250,
        train + validation,
        "260 generated, 8 exact and 3 near duplicates, plus 1 good broken line");
    assertSplitIsStratifiedWithoutLeaks(billing, train, validation);
    JsonNode billingBundle = readJson(out.resolve("tasks/billing/few-shot.json"));
    JsonSchemas.assertValid("few-shot-bundle.schema.json", billingBundle, "billing/few-shot.json");
    assertEquals(5, billingBundle.get("examples").size());
    assertTrue(
        billingBundle.at("/criteria/totalTokens").asInt() <= 2_000, billingBundle.toString());

    FEW_SHOT_EXAMPLES.forEach(
        (task, k) -> {
          assertEquals("few-shot", tasks.get(task).get("decision").asText(), task);
          JsonNode bundle = readJson(out.resolve("tasks/" + task + "/few-shot.json"));
          JsonSchemas.assertValid("few-shot-bundle.schema.json", bundle, task + "/few-shot.json");
          assertEquals((int) k, bundle.get("examples").size(), task);
        });
    assertEquals(
        20,
        JsonSchemas.assertJsonLinesValid(
            "dead-letter.schema.json", out.resolve(OutputLayout.DEAD_LETTERS)));
    assertEquals(
        51,
        JsonSchemas.assertJsonLinesValid(
            "filtered.schema.json", out.resolve(OutputLayout.FILTERED)));
    JsonSchemas.assertValid("quality-report.schema.json", report, OutputLayout.REPORT);
    assertFlagsWhatTheSamplesPlant(report.get("quality").get("byTask"), out);
  }

  /**
   * Billing is split per intent: each intent holds out round(10%) of its examples, and those that
   * are near duplicates of training examples (the billing logs are template fills) moved to train.
   */
  private static void assertSplitIsStratifiedWithoutLeaks(
      JsonNode billing, long train, long validation) {
    long heldOut = 0;
    for (JsonNode label : (Iterable<JsonNode>) () -> billing.at("/split/byLabel").elements()) {
      long n = label.get("train").asLong() + label.get("validation").asLong();
      assertEquals(Math.round(0.1 * n), label.get("validation").asLong(), label.toString());
      heldOut += label.get("validation").asLong();
    }
    assertEquals(heldOut - billing.at("/split/movedToTrain").asLong(), validation);
    assertEquals(train, billing.at("/tokens/train/examples").asLong());
    assertEquals(
        3 * billing.at("/tokens/train/total").asLong(),
        billing.at("/tokens/train/totalTimesEpochs").asLong());
  }

  /**
   * The samples plant an off-topic batch (a recipe bot's export in the billing folder), an
   * imbalanced label (billing's outcome, mostly resolved) and a conflicting pair (two shipping
   * answers to "do you deliver parcels on Sundays"): the report flags each.
   */
  private static void assertFlagsWhatTheSamplesPlant(JsonNode byTask, Path out) throws IOException {
    List<JsonNode> offTopic = new ArrayList<>();
    try (Stream<String> lines = Files.lines(out.resolve(OutputLayout.FILTERED))) {
      lines
          .map(CuratePipelineIT::parse)
          .filter(filtered -> filtered.get("reason").asText().equals("off_topic"))
          .forEach(offTopic::add);
    }
    assertEquals(6, offTopic.size(), offTopic.toString());
    offTopic.forEach(
        filtered -> {
          assertTrue(
              filtered.at("/source/file").asText().endsWith("recipe-bot-export.jsonl"),
              filtered.toString());
          assertEquals("quality", filtered.get("stage").asText());
        });
    JsonNode billing = byTask.get("billing");
    assertEquals(6, billing.at("/criteria/relevant/metrics/offTopic").asLong());
    billing
        .get("offTopic")
        .forEach(
            item ->
                assertTrue(
                    item.get("file").asText().endsWith("recipe-bot-export.jsonl"),
                    item.toString()));

    JsonNode outcome = billing.at("/criteria/balanced/metrics/fields/outcome");
    assertEquals("resolved", outcome.at("/dominant/value").asText());
    assertEquals("fail", billing.at("/criteria/balanced/status").asText());
    assertTrue(
        billing.get("recommendations").toString().contains("Label outcome=resolved is 83%"),
        billing.get("recommendations").toString());

    JsonNode shipping = byTask.get("shipping");
    assertEquals(1, shipping.at("/criteria/consistent/metrics/conflictingQuestions").asLong());
    assertTrue(
        shipping
            .at("/conflicts/0/question")
            .asText()
            .toLowerCase(Locale.ROOT)
            .startsWith("do you deliver parcels on sundays"),
        shipping.get("conflicts").toString());
    assertTrue(
        !shipping.at("/criteria/consistent/status").asText().equals("pass"),
        shipping.at("/criteria/consistent").toString());
  }

  /**
   * With {@code --semantic=off} every task is scored lexically (TF-IDF) and the report still flags
   * what the samples plant. Every sample file is named on its own, in opposite orders, the second
   * run under an Arabic default locale (whose digits are not ASCII): neither the order of {@code
   * --input} and of the files reaching the runner nor the machine's locale may show in any output
   * byte. {@code FlinkClusterIT} compares the Direct Runner with a Flink cluster.
   */
  @Test
  void scoresLexicallyWithTheSemanticModeOffAndWritesTheSameBytesWhateverTheInputOrderAndLocale(
      @TempDir Path first, @TempDir Path second) throws IOException {
    List<String> inputs;
    try (Stream<Path> files = Files.walk(SAMPLES.resolve("logs"))) {
      inputs = files.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
    }
    List<String> reversed = new ArrayList<>(inputs);
    Collections.reverse(reversed);
    curate(inputs, first, "--semantic=off");
    Locale defaultLocale = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      curate(reversed, second, "--semantic=off");
    } finally {
      Locale.setDefault(defaultLocale);
    }

    JsonNode report = CuratePipelineTest.report(first);
    assertEquals("lexical", report.at("/quality/mode").asText());
    assertEquals("off", report.at("/quality/settings/semantic").asText());
    JsonNode byTask = report.at("/quality/byTask");
    byTask.forEach(task -> assertEquals("lexical", task.get("mode").asText(), task.toString()));
    assertEquals(338, report.at("/accounting/read").asLong());
    assertFlagsWhatTheSamplesPlant(byTask, first);
    Map<Path, byte[]> expected = OutputFiles.read(first);
    Map<Path, byte[]> actual = OutputFiles.read(second);
    assertTrue(expected.containsKey(Path.of(OutputLayout.REPORT)), expected.keySet().toString());
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file.toString()));
  }

  /**
   * {@code --semantic=on}: the report says every task was scored by sentence embeddings, and the
   * input files in shuffled orders give the same bytes.
   */
  @Test
  void scoresEveryTaskSemanticallyAndWritesTheSameBytesInAnyOrder(
      @TempDir Path first, @TempDir Path second) throws IOException {
    List<String> inputs;
    try (Stream<Path> files = Files.walk(SAMPLES.resolve("logs"))) {
      inputs = files.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
    }
    List<String> shuffled = new ArrayList<>(inputs);
    Collections.shuffle(shuffled, new java.util.Random(5));
    curate(shuffled, first, "--semantic=on");
    Collections.shuffle(shuffled, new java.util.Random(6));
    curate(shuffled, second, "--semantic=on");

    JsonNode report = CuratePipelineTest.report(first);
    assertEquals("semantic", report.at("/quality/mode").asText());
    report
        .at("/quality/byTask")
        .forEach(task -> assertEquals("semantic", task.get("mode").asText(), task.toString()));
    assertEquals(
        6, report.at("/quality/byTask/billing/criteria/relevant/metrics/offTopic").asLong());
    Map<Path, byte[]> expected = OutputFiles.read(first);
    Map<Path, byte[]> actual = OutputFiles.read(second);
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file.toString()));
  }

  private static void curate(List<String> inputs, Path out, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of(options));
    inputs.forEach(input -> args.add("--input=" + input));
    args.add("--output=" + out);
    args.add("--spec=" + SAMPLES.resolve("spec.yaml"));
    PipelineOptionsFactory.register(CurateOptions.class);
    CuratePipeline.run(
        PipelineOptionsFactory.fromArgs(
                CuratePipelineTest.withLauncherFlags(args.toArray(String[]::new)))
            .withValidation()
            .as(CurateOptions.class));
  }

  private static JsonNode parse(String line) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }
}
