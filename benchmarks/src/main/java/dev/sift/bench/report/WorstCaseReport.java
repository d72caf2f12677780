package dev.sift.bench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.schemas.EntityType;
import dev.sift.schemas.Reason;
import dev.sift.transforms.json.Json;
import java.util.List;
import java.util.Random;

/**
 * A quality report as large as a run of {@code conversations} conversations over {@code tasks}
 * tasks can make it: every list of the report at its cap (the schema's {@code maxItems}, and the
 * pipeline's caps where the schema has none), every text as long as the pipeline lets it be, and
 * text with markup characters in it, so that escaping costs what it would. The caps are those of
 * quality-report.schema.json; a test checks the result against that schema.
 */
final class WorstCaseReport {
  /** quality.byTask.*.offTopic maxItems (TaskStats.OFF_TOPIC). */
  static final int OFF_TOPIC = 20;

  /** quality.byTask.*.conflicts maxItems (Conflicts.EXAMPLES). */
  static final int CONFLICTS = 10;

  /** dedup.largestClusters maxItems (BuildQualityReport.LARGEST_CLUSTERS). */
  static final int LARGEST_CLUSTERS = 10;

  /** Distinct values a label's counts keep before folding (BoundedCounts.CAP). */
  static final int LABEL_VALUES = 256;

  /** tasks.*.fewShot.chosen maxItems, messages maxItems and characters (ReportExcerpt). */
  static final int EXAMPLES = 5;

  static final int EXAMPLE_MESSAGES = 8;
  static final int EXAMPLE_CHARS = 1_500;

  /**
   * Cut of a snippet (TaskStats.SNIPPET_CHARS) and of a cluster example's turn (ClusterSummary).
   */
  static final int SNIPPET_CHARS = 160;

  static final int CLUSTER_TURN_CHARS = 100;

  /** Bins of the turns and tokens histograms (quality-report.schema.json maxItems). */
  static final int TURN_BINS = 13;

  static final int TOKEN_BINS = 57;

  /** Label fields of the spec (quality.labelFields): the samples' two and one more. */
  static final List<String> LABEL_FIELDS = List.of("intent", "outcome", "product");

  private static final List<String> WORDS =
      List.of(
          "order",
          "refund",
          "parcel",
          "invoice",
          "account",
          "the",
          "please",
          "could",
          "you",
          "check",
          "my",
          "card",
          "was",
          "charged",
          "twice",
          "when",
          "will",
          "it",
          "arrive",
          "thanks",
          "settings",
          "billing",
          "plan",
          "<b>",
          "a&b",
          "\"quoted\"",
          "it's",
          "team",
          "delivery",
          "address",
          "password",
          "reset",
          "login",
          "code",
          "week",
          "monday");

  private final long conversations;
  private final int tasks;
  private final Random random;

  WorstCaseReport(long conversations, int tasks, long seed) {
    this.conversations = conversations;
    this.tasks = tasks;
    this.random = new Random(seed);
  }

  ObjectNode build() {
    long perTask = conversations / tasks;
    ObjectNode report = Json.object();
    report.put("reportVersion", 1);
    ObjectNode accounting = report.putObject("accounting");
    long emitted = conversations * 7 / 10;
    long filtered = conversations * 2 / 10;
    accounting.put("read", conversations);
    accounting.put("emitted", emitted);
    accounting.put("filtered", filtered);
    accounting.put("deadLettered", conversations - emitted - filtered);
    accounting.put("balanced", true);
    ObjectNode emittedBy = accounting.putObject("emittedBy");
    emittedBy.put("few_shot", tasks * 10L);
    emittedBy.put("train", emitted * 9 / 10 - tasks * 10L);
    emittedBy.put("validation", emitted - emitted * 9 / 10);
    ObjectNode filteredBy = accounting.putObject("filteredBy");
    for (Reason reason : Reason.values()) {
      if (reason.kind() == Reason.Kind.FILTERED) {
        filteredBy.put(reason.code(), 1 + random.nextInt(50_000));
      }
    }
    ObjectNode deadLetteredBy = accounting.putObject("deadLetteredBy");
    for (Reason reason : Reason.values()) {
      if (reason.kind() == Reason.Kind.DEAD_LETTER) {
        deadLetteredBy.put(reason.code(), 1 + random.nextInt(5_000));
      }
    }
    ObjectNode anonymization = report.putObject("anonymization");
    ObjectNode replaced = anonymization.putObject("replaced");
    ObjectNode operators = anonymization.putObject("operators");
    for (EntityType type : EntityType.values()) {
      replaced.put(type.code(), 1 + random.nextInt(200_000));
      operators.put(type.code(), "surrogate");
    }
    ObjectNode formats = report.putObject("inputs").putObject("recordsByFormat");
    for (String format : List.of("csv", "openai", "sharegpt", "transcript", "unknown")) {
      formats.put(format, conversations / 5);
    }
    ArrayNode taskList = report.putArray("tasks");
    for (int t = 0; t < tasks; t++) {
      taskList.add(task(name(t), perTask));
    }
    report.set("dedup", dedup(perTask));
    report.set("quality", quality(perTask));
    return report;
  }

  private ObjectNode task(String name, long read) {
    ObjectNode task = Json.object();
    task.put("task", name);
    task.put("directory", "tasks/" + name);
    task.put("decision", "both");
    task.put(
        "why",
        read * 8 / 10
            + " clean examples reach fineTuneMinExamples=200; the spec asks for a few-shot bundle"
            + " as well (output: both); diverse warns (0.71); balanced fails (0.41), not blocking"
            + " (emit.blockingCriteria)");
    task.put("read", read);
    task.put("kept", read * 8 / 10);
    task.put("balanced", true);
    ObjectNode settings = task.putObject("settings");
    settings.put("fineTuneMinExamples", 200);
    settings.put("fewShotK", EXAMPLES);
    settings.put("validationFraction", 0.1);
    settings.put("output", "both");
    settings.put("fewShotTokenBudget", 8_000);
    ObjectNode emitted = task.putObject("emitted");
    emitted.put("few_shot", EXAMPLES);
    emitted.put("train", read * 7 / 10);
    emitted.put("validation", read / 10 - EXAMPLES);
    ObjectNode filtered = task.putObject("filtered");
    for (Reason reason : Reason.values()) {
      if (reason.kind() == Reason.Kind.FILTERED) {
        filtered.put(reason.code(), 1 + random.nextInt(500));
      }
    }
    ObjectNode deadLettered = task.putObject("deadLettered");
    for (String reason : List.of("empty_conversation", "empty_message", "no_assistant_turn")) {
      deadLettered.put(reason, 1 + random.nextInt(50));
    }
    ObjectNode anonymized = task.putObject("anonymized");
    for (EntityType type : EntityType.values()) {
      anonymized.put(type.code(), 1 + random.nextInt(2_000));
    }
    ArrayNode outputs = task.putArray("outputs");
    for (String file : List.of("train.jsonl", "validation.jsonl", "few-shot.json")) {
      outputs.add("tasks/" + name + "/" + file);
    }
    ObjectNode split = task.putObject("split");
    ObjectNode byLabel = split.putObject("byLabel");
    for (int v = 0; v < LABEL_VALUES; v++) {
      ObjectNode stratum = byLabel.putObject(label(v));
      stratum.put("train", 1 + random.nextInt(300));
      stratum.put("validation", random.nextInt(30));
      stratum.put("capped", random.nextInt(10));
    }
    split.put("movedToTrain", random.nextInt(100));
    ObjectNode tokens = task.putObject("tokens");
    for (String side : List.of("train", "validation")) {
      ObjectNode stats = tokens.putObject(side);
      long examples = side.equals("train") ? read * 7 / 10 : read / 10;
      stats.put("examples", examples);
      stats.put("min", 12);
      stats.put("median", 180);
      stats.put("p95", 900);
      stats.put("max", 4_096);
      stats.put("total", examples * 230);
      stats.put("epochs", 3);
      stats.put("totalTimesEpochs", examples * 230 * 3);
    }
    ObjectNode fewShot = task.putObject("fewShot");
    fewShot.put("examples", EXAMPLES);
    fewShot.put("tokens", 7_900);
    fewShot.put("tokenBudget", 8_000);
    fewShot.put("systemPrompt", true);
    ObjectNode criteria = fewShot.putObject("criteria");
    criteria.put("examples", EXAMPLES);
    criteria.put("candidates", 2_000);
    criteria.put("totalTokens", 7_900);
    criteria.put("meanQuality", 0.97);
    criteria.put("representativeness", 0.6933);
    criteria.put("lengthDivergence", 0.0423);
    criteria.put("topicDivergence", 0.3067);
    criteria.put("diversity", 0.9675);
    criteria.put("topicCellsCovered", 10);
    criteria.put("topicCellsPresent", 16);
    criteria.put("topicCoverage", 0.625);
    ArrayNode chosen = fewShot.putArray("chosen");
    for (int e = 0; e < EXAMPLES; e++) {
      ObjectNode example = chosen.addObject();
      example.put("id", id());
      example.put("tokens", 790);
      example.put("quality", 0.97);
      ArrayNode messages = example.putArray("messages");
      int perMessage = EXAMPLE_CHARS / EXAMPLE_MESSAGES;
      for (int m = 0; m < EXAMPLE_MESSAGES; m++) {
        ObjectNode message = messages.addObject();
        message.put("role", m % 2 == 0 ? "user" : "assistant");
        message.put("content", text(perMessage));
      }
      example.put("messagesLeftOut", 20);
      example.put("charsLeftOut", 12_345);
    }
    return task;
  }

  private ObjectNode dedup(long perTask) {
    ObjectNode dedup = Json.object();
    ObjectNode settings = dedup.putObject("settings");
    settings.put("scope", "task");
    settings.put("key", "dialogue");
    settings.put("near", true);
    settings.put("threshold", 0.8);
    settings.put("shingleSize", 5);
    settings.put("numPerm", 128);
    settings.put("bands", 18);
    settings.put("rows", 7);
    settings.put("verification", "jaccard");
    settings.putArray("mask").add("numbers").add("names");
    dedup.put("clusters", conversations / 20);
    dedup.put("exactDuplicates", conversations / 10);
    dedup.put("nearDuplicates", conversations / 20);
    dedup.put("unsettledNodes", 3);
    ArrayNode sizes = dedup.putArray("clusterSizes");
    for (long from = 2; from <= perTask; from = from == 2 ? 3 : 2 * (from - 1) + 1) {
      ObjectNode bin = sizes.addObject();
      bin.put("from", from);
      bin.put("to", from == 2 ? 2 : 2 * (from - 1));
      bin.put("clusters", Math.max(1, conversations / 20 / from));
    }
    ArrayNode largest = dedup.putArray("largestClusters");
    for (int c = 0; c < LARGEST_CLUSTERS; c++) {
      ObjectNode cluster = largest.addObject();
      cluster.put("representative", id());
      cluster.put("task", name(c));
      cluster.put("size", perTask / (c + 2));
      cluster.put("exactDuplicates", perTask / (c + 2) - 1);
      cluster.put("nearDuplicates", 0);
      cluster.put(
          "example",
          "user: " + text(CLUSTER_TURN_CHARS) + " / assistant: " + text(CLUSTER_TURN_CHARS));
    }
    ObjectNode byTask = dedup.putObject("byTask");
    for (int t = 0; t < tasks; t++) {
      ObjectNode counts = byTask.putObject(name(t));
      counts.put("clusters", perTask / 20);
      counts.put("exactDuplicates", perTask / 10);
      counts.put("nearDuplicates", perTask / 20);
    }
    return dedup;
  }

  private ObjectNode quality(long perTask) {
    ObjectNode quality = Json.object();
    quality.put("mode", "lexical");
    ObjectNode settings = quality.putObject("settings");
    settings.put("encoding", "o200k_base");
    settings.putArray("languages").add("en");
    ArrayNode labelFields = settings.putArray("labelFields");
    LABEL_FIELDS.forEach(labelFields::add);
    ArrayNode filter = settings.putArray("filter");
    List.of("malformed_roles", "wrong_language", "too_short", "repetitive", "refusal", "off_topic")
        .forEach(filter::add);
    settings.put("minRelevance", 0.01);
    settings.put("minTokens", 8);
    settings.put("longMessageTokens", 2048);
    settings.put("minScore", 0.5);
    settings.put("conflictSimilarity", 0.3);
    settings.put("pass", 0.8);
    settings.put("warn", 0.6);
    settings.put("semantic", "auto");
    settings.put("semanticMaxConversations", 2_000);
    settings.put("minSemanticRelevance", 0.12);
    ObjectNode balance = quality.putObject("taskBalance");
    ObjectNode kept = balance.putObject("kept");
    ArrayNode starved = Json.mapper().createArrayNode();
    for (int t = 0; t < tasks; t++) {
      kept.put(name(t), perTask * 8 / 10 / (1 + t % 7));
      if (t % 7 >= 3) {
        starved.add(name(t));
      }
    }
    balance.put("normalisedEntropy", 0.91);
    balance.put("maxMinRatio", 7.0);
    ObjectNode dominant = balance.putObject("dominant");
    dominant.put("task", name(0));
    dominant.put("share", 0.05);
    balance.set("starved", starved);
    balance.put("status", "pass");
    ObjectNode byTask = quality.putObject("byTask");
    for (int t = 0; t < tasks; t++) {
      byTask.set(name(t), taskQuality(name(t), perTask));
    }
    return quality;
  }

  private ObjectNode taskQuality(String task, long scored) {
    long kept = scored * 8 / 10;
    ObjectNode node = Json.object();
    node.put("task", task);
    node.put("mode", "lexical");
    node.put("score", 0.7412);
    node.put("meanConversationScore", 0.9);
    ObjectNode conversations = node.putObject("conversations");
    conversations.put("scored", scored);
    conversations.put("kept", kept);
    ObjectNode flagged = conversations.putObject("flagged");
    ObjectNode filtered = conversations.putObject("filtered");
    for (String reason :
        List.of("malformed_roles", "wrong_language", "too_short", "repetitive", "refusal")) {
      flagged.put(reason, 1 + random.nextInt(1_000));
      filtered.put(reason, 1 + random.nextInt(1_000));
    }
    ObjectNode tokens = node.putObject("tokens");
    tokens.put("encoding", "o200k_base");
    tokens.put("total", kept * 230);
    tokens.put("min", 3);
    tokens.put("max", Integer.MAX_VALUE);
    tokens.put("mean", 230.5);
    tokens.put("medianAtMost", 255);
    tokens.put("p95AtMost", 1023);
    ObjectNode distributions = node.putObject("distributions");
    ObjectNode length = distributions.putObject("length");
    for (String bucket :
        List.of(
            "<32", "32-63", "64-127", "128-255", "256-511", "512-1023", "1024-2047", ">=2048")) {
      length.put(bucket, 1 + random.nextInt(10_000));
    }
    ObjectNode language = distributions.putObject("language");
    for (String code : List.of("de", "en", "es", "fr", "it", "nl", "pt")) {
      language.put(code, 1 + random.nextInt(1_000));
    }
    ObjectNode topic = distributions.putObject("topic");
    for (int cell = 0; cell < 16; cell++) {
      topic.put(Integer.toString(cell), 1 + random.nextInt(1_000));
    }
    distributions.set("turns", bins(TURN_BINS, true));
    distributions.set("tokens", bins(TOKEN_BINS, false));
    ObjectNode criteria = node.putObject("criteria");
    criteria.set(
        "representative",
        criterion(
            0.91,
            "pass",
            "jsDivergenceLanguage",
            0.01,
            "jsDivergenceLength",
            0.09,
            "jsDivergenceSource",
            0.02,
            "jsDivergenceTopic",
            0.04));
    criteria.set(
        "diverse",
        criterion(
            0.71,
            "warn",
            "distinct1",
            0.1,
            "distinct2",
            0.4,
            "duplicateRate",
            0.2,
            "topicEntropy",
            0.9,
            "meanPairwiseDistance",
            0.8,
            "sampled",
            128));
    criteria.set("balanced", balanced());
    criteria.set(
        "consistent",
        criterion(
            0.66,
            "warn",
            "structureValidRate",
            0.99,
            "languageConsistency",
            0.97,
            "answerTokensMean",
            80.2,
            "answerTokensCv",
            0.9,
            "lengthConsistency",
            0.5,
            "conflictingQuestions",
            400,
            "conflictingPairs",
            900,
            "conflictRate",
            0.01,
            "systemPrompts",
            3,
            "withSystemPrompt",
            kept,
            "topSystemPromptShare",
            0.9));
    criteria.set(
        "relevant",
        criterion(
            0.97,
            "pass",
            "measured",
            scored,
            "aboveThreshold",
            scored - 500,
            "offTopic",
            500,
            "meanRelevance",
            0.2,
            "minRelevance",
            0.01,
            "shareAboveThreshold",
            0.97));
    ArrayNode offTopic = node.putArray("offTopic");
    for (int i = 0; i < OFF_TOPIC; i++) {
      ObjectNode item = offTopic.addObject();
      item.put("id", id());
      item.put("relevance", 0.001 * i);
      item.put("file", "gs://bucket/logs/2026/11/" + task + "/part-" + i + ".jsonl.gz");
      item.put("record", random.nextInt(1_000_000));
      item.put("snippet", text(SNIPPET_CHARS));
    }
    ArrayNode conflicts = node.putArray("conflicts");
    for (int i = 0; i < CONFLICTS; i++) {
      ObjectNode pair = conflicts.addObject();
      pair.put("question", text(SNIPPET_CHARS));
      pair.put("firstId", id());
      pair.put("firstAnswer", text(SNIPPET_CHARS));
      pair.put("secondId", id());
      pair.put("secondAnswer", text(SNIPPET_CHARS));
      pair.put("similarity", 0.05);
    }
    ArrayNode recommendations = node.putArray("recommendations");
    for (int i = 0; i < 8; i++) {
      recommendations.add(text(300));
    }
    return node;
  }

  private ObjectNode balanced() {
    ObjectNode criterion = Json.object();
    criterion.put("score", 0.41);
    criterion.put("status", "fail");
    ObjectNode fields = criterion.putObject("metrics").putObject("fields");
    for (String field : LABEL_FIELDS) {
      ObjectNode metrics = fields.putObject(field);
      ObjectNode counts = metrics.putObject("counts");
      for (int v = 0; v < LABEL_VALUES; v++) {
        counts.put(label(v), 1 + random.nextInt(5_000));
      }
      metrics.put("missing", 17);
      metrics.put("folded", false);
      metrics.put("normalisedEntropy", 0.41);
      metrics.put("maxMinRatio", 4_999.0);
      metrics.putObject("dominant").put("value", label(0)).put("share", 0.02);
      ArrayNode starved = metrics.putArray("starved");
      for (int v = 0; v < LABEL_VALUES; v += 2) {
        starved.add(label(v));
      }
    }
    return criterion;
  }

  private static ObjectNode criterion(double score, String status, Object... metrics) {
    ObjectNode node = Json.object();
    node.put("score", score);
    node.put("status", status);
    ObjectNode values = node.putObject("metrics");
    for (int i = 0; i < metrics.length; i += 2) {
      Object value = metrics[i + 1];
      if (value instanceof Double d) {
        values.put((String) metrics[i], d);
      } else {
        values.put((String) metrics[i], ((Number) value).longValue());
      }
    }
    return node;
  }

  private ArrayNode bins(int count, boolean turns) {
    ArrayNode bins = Json.mapper().createArrayNode();
    long from = turns ? 1 : 0;
    for (int i = 0; i < count; i++) {
      long to = turns ? from : Math.max(7, from * 3 / 2 - 1);
      ObjectNode bin = bins.addObject();
      bin.put("from", from);
      if (turns && i == count - 1) {
        bin.putNull("to");
      } else {
        bin.put("to", to);
      }
      bin.put("conversations", random.nextInt(100_000));
      from = to + 1;
    }
    return bins;
  }

  static String name(int task) {
    return String.format("task-%03d-customer-support", task);
  }

  private static String label(int value) {
    return String.format("intent_value_number_%03d", value);
  }

  private String id() {
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }

  /** Words (some with markup characters) up to exactly {@code chars} characters. */
  private String text(int chars) {
    StringBuilder text = new StringBuilder(chars + 16);
    while (text.length() < chars) {
      text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
    }
    return text.substring(0, chars);
  }
}
