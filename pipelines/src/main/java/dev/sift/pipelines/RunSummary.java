package dev.sift.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.write.OutputLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.beam.sdk.io.FileSystems;

/**
 * The lines a person reads when a run ends: the record balance and each task's decision, from the
 * report the run wrote, in ASCII digits whatever the machine's locale, like the rest of Sift. The
 * balance is the report's, counted as data, not the run's metrics counters: Spark counts an element
 * again each time it recomputes a dataset, so its counters can exceed what was read.
 */
final class RunSummary {
  private RunSummary() {}

  static void print(String outputDir, PrintStream out) throws IOException {
    JsonNode report = readReport(outputDir);
    JsonNode accounting = report.path("accounting");
    long read = accounting.path("read").asLong();
    long kept = accounting.path("emitted").asLong();
    long dropped = accounting.path("filtered").asLong();
    long dead = accounting.path("deadLettered").asLong();
    boolean holds = read == kept + dropped + dead;
    out.printf(Locale.ROOT, "Sift: %,d records read%n", read);
    out.printf(
        Locale.ROOT, "  emitted       %,9d  %s%n", kept, breakdown(accounting.path("emittedBy")));
    out.printf(
        Locale.ROOT,
        "  filtered      %,9d  %s%n",
        dropped,
        breakdown(accounting.path("filteredBy")));
    out.printf(
        Locale.ROOT,
        "  dead-lettered %,9d  %s%n",
        dead,
        breakdown(accounting.path("deadLetteredBy")));
    out.printf(
        Locale.ROOT,
        "  balance       %s: %,d read %s %,d emitted + %,d filtered + %,d dead-lettered%n",
        holds ? "holds" : "DOES NOT HOLD",
        read,
        holds ? "=" : "!=",
        kept,
        dropped,
        dead);
    for (JsonNode task : report.path("tasks")) {
      out.printf(
          Locale.ROOT,
          "  task %-24s %-9s %s%n",
          task.path("task").asText(),
          task.path("decision").asText(),
          task.path("why").asText());
    }
    out.println("Report: " + OutputLayout.resolve(outputDir, OutputLayout.REPORT_PAGE));
    out.println("  data: " + OutputLayout.resolve(outputDir, OutputLayout.REPORT));
  }

  /** "(reason count, ...)" in the report's order (by reason), or nothing when there is none. */
  private static String breakdown(JsonNode counts) {
    List<String> parts = new ArrayList<>();
    counts.fields().forEachRemaining(entry -> parts.add(entry.getKey() + " " + entry.getValue()));
    return parts.isEmpty() ? "" : parts.stream().collect(Collectors.joining(", ", "(", ")"));
  }

  private static JsonNode readReport(String outputDir) throws IOException {
    try (InputStream in =
        Channels.newInputStream(
            FileSystems.open(OutputLayout.resolve(outputDir, OutputLayout.REPORT)))) {
      return Json.mapper().readTree(in);
    }
  }
}
