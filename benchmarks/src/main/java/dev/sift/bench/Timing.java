package dev.sift.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

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
    long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
    for (int runs = 0; runs < 2 || System.nanoTime() < warmUpEnd; runs++) {
      sink += work.run();
    }
    boolean cpuClock = THREADS.isCurrentThreadCpuTimeSupported();
    double[] cpu = new double[Math.max(1, rounds)];
    double[] wall = new double[cpu.length];
    for (int i = 0; i < cpu.length; i++) {
      long wallStart = System.nanoTime();
      long cpuStart = cpuClock ? THREADS.getCurrentThreadCpuTime() : 0;
      int runs = 0;
      do {
        sink += work.run();
        runs++;
      } while (System.nanoTime() - wallStart < MIN_ROUND_NANOS);
      wall[i] = (System.nanoTime() - wallStart) / 1e9 / runs;
      cpu[i] = cpuClock ? (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9 / runs : wall[i];
    }
    return new Timing(median(cpu), median(wall));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
