package dev.sift.bench.dedup;

import dev.sift.schemas.spec.DedupSpec;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The dedup stage's time at growing sizes, compared with n log n: for each size, a run of
 * generation plus dedup minus a run of generation alone (the same pipeline counting the generated
 * conversations), by wall and process CPU time. The ratio {@code time / (n log n)}, relative to the
 * smallest size, stays near 1 (or falls) when the stage grows no worse than n log n.
 */
final class ScaleBench {
  private ScaleBench() {}

  static void run(List<Long> sizes, DedupSpec spec, SiftRun sift, PrintStream out)
      throws Exception {
    out.println("dedup scale: stage time = (generate + dedup) - (generate + count)");
    out.printf(
        "%12s %10s %10s %10s %10s %14s %14s%n",
        "conversations",
        "wall s",
        "CPU s",
        "base wall",
        "base CPU",
        "CPU/(nlogn) x",
        "wall/(nlogn) x");
    double firstCpu = 0;
    double firstWall = 0;
    for (long n : sizes) {
      Clock base = Clock.time(() -> run(() -> sift.generateAndCount(n))).clock();
      Clock total = Clock.time(() -> run(() -> sift.dedupAndCount(n, spec))).clock();
      Clock stage = total.minus(base);
      double nLogN = n * Math.log(n);
      if (firstCpu == 0) {
        firstCpu = stage.cpuSeconds() / nLogN;
        firstWall = stage.wallSeconds() / nLogN;
      }
      out.printf(
          Locale.ROOT,
          "%12d %10.1f %10.1f %10.1f %10.1f %14.2f %14.2f%n",
          n,
          stage.wallSeconds(),
          stage.cpuSeconds(),
          base.wallSeconds(),
          base.cpuSeconds(),
          stage.cpuSeconds() / nLogN / firstCpu,
          stage.wallSeconds() / nLogN / firstWall);
      out.flush();
    }
  }

  private static boolean run(Runnable work) {
    work.run();
    return true;
  }
}
