package dev.sift.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.transforms.accounting.Accounting;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.write.OutputLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The lines a person reads when a run ends: the record balance from the run's metrics counters, and
 * each task's decision from the report the run wrote.
 */
final class RunSummary {
  private RunSummary() {}

  static void print(PipelineResult result, String outputDir, PrintStream out) throws IOException {
    Map<String, Long> counters = counters(result);
    long read = counters.getOrDefault(Accounting.READ, 0L);
    Map<String, Long> emitted = withPrefix(counters, Accounting.EMITTED_PREFIX);
    Map<String, Long> filtered = withPrefix(counters, Accounting.FILTERED_PREFIX);
    Map<String, Long> deadLettered = withPrefix(counters, Accounting.DEAD_LETTER_PREFIX);
    long kept = sum(emitted);
    long dropped = sum(filtered);
    long dead = sum(deadLettered);
    out.printf("Sift: %,d records read%n", read);
    out.printf("  emitted       %,9d  %s%n", kept, breakdown(emitted));
    out.printf("  filtered      %,9d  %s%n", dropped, breakdown(filtered));
    out.printf("  dead-lettered %,9d  %s%n", dead, breakdown(deadLettered));
    out.printf(
        "  balance       %s: %,d read %s %,d emitted + %,d filtered + %,d dead-lettered%n",
        read == kept + dropped + dead ? "holds" : "DOES NOT HOLD",
        read,
        read == kept + dropped + dead ? "=" : "!=",
        kept,
        dropped,
        dead);
    JsonNode report = readReport(outputDir);
    for (JsonNode task : report.path("tasks")) {
      out.printf(
          "  task %-24s %-9s %s%n",
          task.path("task").asText(), task.path("decision").asText(), task.path("why").asText());
    }
    out.println("Report: " + OutputLayout.resolve(outputDir, OutputLayout.REPORT_PAGE));
    out.println("  data: " + OutputLayout.resolve(outputDir, OutputLayout.REPORT));
  }

  /** The run's {@code sift} counters by name, summed over steps. */
  private static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> counters = new TreeMap<>();
    MetricsFilter filter =
        MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.inNamespace(Accounting.NAMESPACE))
            .build();
    for (MetricResult<Long> counter : result.metrics().queryMetrics(filter).getCounters()) {
      Long value = committedOrAttempted(counter);
      counters.merge(counter.getName().getName(), value == null ? 0L : value, Long::sum);
    }
    return counters;
  }

  /** Committed values where the runner supports them, attempted ones otherwise. */
  private static Long committedOrAttempted(MetricResult<Long> counter) {
    try {
      return counter.getCommitted();
    } catch (UnsupportedOperationException e) {
      return counter.getAttempted();
    }
  }

  private static Map<String, Long> withPrefix(Map<String, Long> counters, String prefix) {
    Map<String, Long> selected = new TreeMap<>();
    counters.forEach(
        (name, value) -> {
          if (name.startsWith(prefix)) {
            selected.put(name.substring(prefix.length()), value);
          }
        });
    return selected;
  }

  private static String breakdown(Map<String, Long> counts) {
    return counts.isEmpty()
        ? ""
        : counts.entrySet().stream()
            .map(entry -> entry.getKey() + " " + entry.getValue())
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static JsonNode readReport(String outputDir) throws IOException {
    try (InputStream in =
        Channels.newInputStream(
            FileSystems.open(OutputLayout.resolve(outputDir, OutputLayout.REPORT)))) {
      return Json.mapper().readTree(in);
    }
  }
}
