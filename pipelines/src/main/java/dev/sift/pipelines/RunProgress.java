package dev.sift.pipelines;

import dev.sift.transforms.accounting.Accounting;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.joda.time.Duration;

/**
 * Runs a pipeline and, on the Direct Runner, shows a progress line on the terminal while it runs:
 * records read, emitted, filtered and dead-lettered so far (from the run's {@code sift} counters)
 * and the time elapsed. On a terminal the line is redrawn every second; in a log, a line is written
 * every half minute. Other runners report progress in their own UIs, and run as usual.
 *
 * <p>A Direct Runner run that does not end {@code DONE} is stopped before this returns or throws:
 * its workers have all ended ({@link DirectRunnerWorkers}), so nothing it wrote changes after.
 */
final class RunProgress {
  private static final String DIRECT_OPTIONS = "org.apache.beam.runners.direct.DirectOptions";
  private static final Duration TICK = Duration.standardSeconds(1);
  private static final int LOG_EVERY_TICKS = 30;

  private RunProgress() {}

  /** Runs {@code pipeline} to the end, following it on {@code out} where the runner allows. */
  static PipelineResult run(Pipeline pipeline, PipelineOptions options, PrintStream out) {
    if (!returnsAtOnce(options)) {
      PipelineResult result = pipeline.run();
      result.waitUntilFinish();
      return result;
    }
    DirectRunnerWorkers workers = DirectRunnerWorkers.beforeRun();
    PipelineResult result = pipeline.run();
    try {
      follow(result, out);
    } catch (RuntimeException | Error e) {
      try {
        workers.stopNewer(result);
      } catch (RuntimeException stop) {
        e.addSuppressed(stop);
      }
      throw e;
    }
    if (result.getState() != PipelineResult.State.DONE) {
      workers.stopNewer(result);
    }
    return result;
  }

  /** Waits for {@code result}'s run to end, showing its progress on {@code out}. */
  private static void follow(PipelineResult result, PrintStream out) {
    boolean terminal = System.console() != null;
    long started = System.nanoTime();
    int ticks = 0;
    while (!finished(result.waitUntilFinish(TICK))) {
      ticks++;
      if (terminal) {
        out.print("\r" + line(result, started));
        out.flush();
      } else if (ticks % LOG_EVERY_TICKS == 0) {
        out.println(line(result, started));
      }
    }
    if (terminal && ticks > 0) {
      out.println("\r" + line(result, started));
    }
  }

  private static boolean finished(PipelineResult.State state) {
    return state != null && state.isTerminal();
  }

  /**
   * Asks the Direct Runner, when it is the runner, to return from {@code run()} at once instead of
   * at the end. Its options class is looked up by name: the runner is a run-time dependency only.
   */
  private static boolean returnsAtOnce(PipelineOptions options) {
    if (!options.getRunner().getSimpleName().equals("DirectRunner")) {
      return false;
    }
    try {
      Class<? extends PipelineOptions> direct =
          Class.forName(DIRECT_OPTIONS).asSubclass(PipelineOptions.class);
      direct.getMethod("setBlockOnRun", boolean.class).invoke(options.as(direct), false);
      return true;
    } catch (ReflectiveOperationException | ClassCastException e) {
      return false;
    }
  }

  private static String line(PipelineResult result, long started) {
    Map<String, Long> counters = counters(result);
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    return String.format(
        Locale.ROOT,
        "sift: %,d read, %,d emitted, %,d filtered, %,d dead-lettered, %d:%02d elapsed   ",
        counters.getOrDefault(Accounting.READ, 0L),
        sum(counters, Accounting.EMITTED_PREFIX),
        sum(counters, Accounting.FILTERED_PREFIX),
        sum(counters, Accounting.DEAD_LETTER_PREFIX),
        seconds / 60,
        seconds % 60);
  }

  /** The run's {@code sift} counters so far, by name, from the attempted values. */
  private static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> counters = new TreeMap<>();
    MetricsFilter filter =
        MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.inNamespace(Accounting.NAMESPACE))
            .build();
    for (MetricResult<Long> counter : result.metrics().queryMetrics(filter).getCounters()) {
      Long value = counter.getAttempted();
      counters.merge(counter.getName().getName(), value == null ? 0L : value, Long::sum);
    }
    return counters;
  }

  private static long sum(Map<String, Long> counters, String prefix) {
    return counters.entrySet().stream()
        .filter(counter -> counter.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
