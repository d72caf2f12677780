package dev.sift.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long one run of some work takes on the calling thread, after a warm-up: the median of several
 * rounds, each as many runs as fill half a second. Both the thread's CPU time, which other
 * processes on a shared machine do not inflate, and the wall-clock time.
 *
 * @param cpuSeconds CPU time of the measuring thread per run (wall time where the JVM cannot
 *     measure thread CPU time)
 * @param wallSeconds elapsed time per run
 */
public record Timing(double cpuSeconds, double wallSeconds) {
  private static final long WARM_UP_NANOS = 3_000_000_000L;
  private static final long MIN_ROUND_NANOS = 500_000_000L;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Work to time; its result is kept so that the JIT cannot drop the work. */
  @FunctionalInterface
  public interface Work {
    long run() throws Exception;
  }

  private static long sink;

  public static Timing of(Work work, int rounds) throws Exception {
    return interleaved(List.of(work), rounds).get(0);
  }

  /**
   * Times several pieces of work in turns, each warmed up and then timed once per round, so that a
   * change of load on a shared machine, or of the CPU's clock, weighs on all of them alike and
   * their ratios hold. One timing per work, in order.
   */
  public static List<Timing> interleaved(List<Work> works, int rounds) throws Exception {
    long warmUpEnd = System.nanoTime() + WARM_UP_NANOS * works.size();
    for (int runs = 0; runs < 2 || System.nanoTime() < warmUpEnd; runs++) {
      for (Work work : works) {
        sink += work.run();
      }
    }
    int n = Math.max(1, rounds);
    double[][] cpu = new double[works.size()][n];
    double[][] wall = new double[works.size()][n];
    for (int round = 0; round < n; round++) {
      for (int w = 0; w < works.size(); w++) {
        double[] timed = timeRound(works.get(w));
        cpu[w][round] = timed[0];
        wall[w][round] = timed[1];
      }
    }
    List<Timing> timings = new ArrayList<>();
    for (int w = 0; w < works.size(); w++) {
      timings.add(new Timing(median(cpu[w]), median(wall[w])));
    }
    return timings;
  }

  /** CPU and wall seconds per run, over as many runs as fill {@link #MIN_ROUND_NANOS}. */
  private static double[] timeRound(Work work) throws Exception {
    boolean cpuClock = THREADS.isCurrentThreadCpuTimeSupported();
    long wallStart = System.nanoTime();
    long cpuStart = cpuClock ? THREADS.getCurrentThreadCpuTime() : 0;
    int runs = 0;
    do {
      sink += work.run();
      runs++;
    } while (System.nanoTime() - wallStart < MIN_ROUND_NANOS);
    double wall = (System.nanoTime() - wallStart) / 1e9 / runs;
    double cpu = cpuClock ? (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9 / runs : wall;
    return new double[] {cpu, wall};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
