package dev.sift.pipelines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.PipelineResult;

/**
 * The Direct Runner's worker threads, as they were before a run started. When a step fails, the
 * Direct Runner reports the failure at once, while the workers running other steps finish the
 * bundles they have under way: it stops scheduling work but does not interrupt them, so a write
 * among them can still create files after the run has failed. {@link #stopNewer} cancels the run
 * and waits for the workers it started to end, so that what the run wrote can then be deleted with
 * nothing left writing.
 */
final class DirectRunnerWorkers {
  /**
   * The name the Direct Runner gives each of its worker threads (in {@code
   * ExecutorServiceParallelExecutor}); it has no API to wait for them. Were a Beam upgrade to
   * rename them, nothing would be waited for: {@code FailedRunIT}'s late-write case then fails.
   */
  private static final String WORKER = "direct-runner-worker";

  /** How long a failed run's workers may take to finish the bundles they had under way. */
  private static final Duration LIMIT = Duration.ofMinutes(2);

  private final Set<Thread> earlier;

  private DirectRunnerWorkers(Set<Thread> earlier) {
    this.earlier = earlier;
  }

  /** The Direct Runner's workers alive now, which a run started next did not start. */
  static DirectRunnerWorkers beforeRun() {
    return new DirectRunnerWorkers(workers());
  }

  /**
   * Cancels {@code result}'s run and waits, up to {@link #LIMIT}, for the workers started since
   * {@link #beforeRun} to end; throws when they could not be waited for.
   */
  void stopNewer(PipelineResult result) {
    try {
      result.cancel();
    } catch (IOException e) {
      throw new UncheckedIOException("the failed run could not be cancelled", e);
    }
    long deadline = System.nanoTime() + LIMIT.toNanos();
    for (Thread worker : workers()) {
      if (earlier.contains(worker)) {
        continue;
      }
      try {
        worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the failed run's workers ended", e);
      }
      if (worker.isAlive()) {
        throw new IllegalStateException(
            "a Direct Runner worker was still busy "
                + LIMIT.toSeconds()
                + " s after the run failed");
      }
    }
  }

  private static Set<Thread> workers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals(WORKER))
        .collect(Collectors.toSet());
  }
}
