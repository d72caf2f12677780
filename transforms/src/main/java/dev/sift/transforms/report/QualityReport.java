package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.schemas.EntityType;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.TaskSettings;
import dev.sift.transforms.dedup.ClusterSummary;
import dev.sift.transforms.emit.EmitTaskOutputs;
import dev.sift.transforms.emit.Split;
import dev.sift.transforms.emit.TaskDecision;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.quality.TaskQuality;
import dev.sift.transforms.write.OutputLayout;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders {@code report/quality-report.json} from a run's tally counts: the record balance (every
 * record read is emitted, filtered or dead-lettered), inputs by format, the values anonymised (by
 * type, never the values), per task its counts, decision, reason and output files, and what
 * deduplication found. Keys are sorted so the same run gives the same bytes.
 */
public final class QualityReport {
  public static final int VERSION = 1;

  private QualityReport() {}

  /**
   * {@code counts}: tally key to count, as {@link BuildQualityReport} computes them; {@code
   * largest}: the largest duplicate clusters, largest first.
   */
  public static String render(
      Map<String, Long> counts, List<ClusterSummary> largest, SiftSpec spec) {
    return render(counts, largest, Map.of(), Map.of(), spec);
  }

  /**
   * As above, with each task's quality measurements for the {@code quality} section and its outputs
   * as {@code EmitTaskOutputs} describes them (decision, reason, split, tokens, bundle).
   */
  public static String render(
      Map<String, Long> counts,
      List<ClusterSummary> largest,
      Map<String, TaskQuality> quality,
      Map<String, String> outputs,
      SiftSpec spec) {
    Totals all = new Totals();
    Map<String, Totals> byTask = new TreeMap<>();
    Map<String, Long> recordsByFormat = new TreeMap<>();
    counts.forEach(
        (key, n) -> {
          Tally tally = Tally.parse(key);
          all.add(tally, n);
          if (!tally.task().isEmpty() && tally.kind() != Tally.Kind.CLUSTER) {
            byTask.computeIfAbsent(tally.task(), task -> new Totals()).add(tally, n);
          }
          if (tally.kind() == Tally.Kind.READ) {
            recordsByFormat.merge(tally.name(), n, Long::sum);
          }
        });

    ObjectNode report = Json.object();
    report.put("reportVersion", VERSION);
    report.set("accounting", accounting(all));
    report.set("anonymization", anonymization(all, spec));
    ObjectNode inputs = report.putObject("inputs");
    inputs.set("recordsByFormat", counts(recordsByFormat));
    ArrayNode tasks = report.putArray("tasks");
    byTask.forEach(
        (task, totals) -> tasks.add(task(task, totals, spec.settingsFor(task), outputs.get(task))));
    report.set("dedup", DedupSection.render(counts, largest, spec.dedup()));
    report.set("quality", QualitySection.render(counts, quality, spec));
    return Json.pretty(report);
  }

  private static ObjectNode accounting(Totals totals) {
    ObjectNode node = Json.object();
    node.put("read", totals.read);
    node.put("emitted", totals.emitted());
    node.put("filtered", totals.filtered());
    node.put("deadLettered", totals.deadLettered());
    node.put("balanced", totals.balanced());
    node.set("emittedBy", counts(totals.emitted));
    node.set("filteredBy", counts(totals.filtered));
    node.set("deadLetteredBy", counts(totals.deadLettered));
    return node;
  }

  private static ObjectNode anonymization(Totals totals, SiftSpec spec) {
    ObjectNode node = Json.object();
    node.set("replaced", counts(totals.replaced));
    ObjectNode operators = node.putObject("operators");
    for (EntityType type : EntityType.values()) {
      operators.put(type.code(), spec.anonymize().operatorFor(type).code());
    }
    return node;
  }

  private static ObjectNode task(
      String task, Totals totals, TaskSettings settings, String outputsJson) {
    ObjectNode outputs = parse(outputsJson);
    ObjectNode node = Json.object();
    node.put("task", task);
    node.put("directory", OutputLayout.TASKS + "/" + OutputLayout.taskDirectory(task));
    node.put("decision", outputs.path("decision").asText(TaskDecision.Kind.NONE.label()));
    node.put("why", outputs.path("why").asText(TaskDecision.NO_CLEAN_EXAMPLES));
    node.put("read", totals.read);
    node.put("kept", totals.kept);
    node.put("balanced", totals.balanced());
    ObjectNode thresholds = node.putObject("settings");
    thresholds.put("fineTuneMinExamples", settings.fineTuneMinExamples());
    thresholds.put("fewShotK", settings.fewShotK());
    thresholds.put("validationFraction", settings.validationFraction());
    thresholds.put("output", settings.output());
    thresholds.put("fewShotTokenBudget", settings.fewShotTokenBudget());
    node.set("emitted", counts(totals.emitted));
    node.set("filtered", counts(totals.filtered));
    node.set("deadLettered", counts(totals.deadLettered));
    node.set("anonymized", counts(totals.replaced));
    ArrayNode files = node.putArray("outputs");
    new TreeSet<>(totals.emitted.keySet()).forEach(output -> files.add(outputFile(task, output)));
    if (outputs.has("fewShot") && !totals.emitted.containsKey(EmitTaskOutputs.FEW_SHOT)) {
      files.add(OutputLayout.taskFile(task, OutputLayout.FEW_SHOT));
    }
    for (String fact : List.of("split", "tokens", "fewShot")) {
      if (outputs.has(fact)) {
        node.set(fact, outputs.get(fact));
      }
    }
    return node;
  }

  private static ObjectNode parse(String json) {
    if (json == null) {
      return Json.object();
    }
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("task outputs are not JSON: " + json, e);
    }
  }

  private static String outputFile(String task, String output) {
    return switch (output) {
      case Split.TRAIN -> OutputLayout.taskFile(task, OutputLayout.TRAIN);
      case Split.VALIDATION -> OutputLayout.taskFile(task, OutputLayout.VALIDATION);
      case EmitTaskOutputs.FEW_SHOT -> OutputLayout.taskFile(task, OutputLayout.FEW_SHOT);
      default -> throw new IllegalArgumentException("Unknown output " + output);
    };
  }

  private static ObjectNode counts(Map<String, Long> counts) {
    ObjectNode node = Json.object();
    new TreeMap<>(counts).forEach(node::put);
    return node;
  }

  /** The counts of one task, or of the whole run. */
  private static final class Totals {
    long read;
    long kept;
    final Map<String, Long> emitted = new TreeMap<>();
    final Map<String, Long> filtered = new TreeMap<>();
    final Map<String, Long> deadLettered = new TreeMap<>();
    final Map<String, Long> replaced = new TreeMap<>();

    void add(Tally tally, long n) {
      switch (tally.kind()) {
        case READ -> read += n;
        case KEPT -> kept += n;
        case EMITTED -> emitted.merge(tally.name(), n, Long::sum);
        case FILTERED -> filtered.merge(tally.name(), n, Long::sum);
        case DEAD_LETTER -> deadLettered.merge(tally.name(), n, Long::sum);
        case ENTITY -> replaced.merge(tally.name(), n, Long::sum);
        case CLUSTER, UNSETTLED -> {} // The dedup section's.
      }
    }

    long emitted() {
      return sum(emitted);
    }

    long filtered() {
      return sum(filtered);
    }

    long deadLettered() {
      return sum(deadLettered);
    }

    boolean balanced() {
      return read == emitted() + filtered() + deadLettered();
    }

    private static long sum(Map<String, Long> counts) {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
