package dev.sift.bench.dedup;

import java.lang.management.ManagementFactory;

/**
 * Wall time and the whole process's CPU time of some work. A pipeline runs on many threads, so the
 * process's CPU time is the one that counts; on a shared machine it is also the one that other
 * processes do not inflate.
 *
 * @param wallSeconds elapsed time
 * @param cpuSeconds CPU time of every thread of this JVM (wall time where the JVM cannot tell)
 */
record Clock(double wallSeconds, double cpuSeconds) {

  /** Work to time. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws Exception;
  }

  /** A result and how long it took. */
  record Timed<T>(T result, Clock clock) {}

  static <T> Timed<T> time(Work<T> work) throws Exception {
    long cpuStart = processCpuNanos();
    long wallStart = System.nanoTime();
    T result = work.run();
    double wall = (System.nanoTime() - wallStart) / 1e9;
    long cpuEnd = processCpuNanos();
    double cpu = cpuStart < 0 || cpuEnd < 0 ? wall : (cpuEnd - cpuStart) / 1e9;
    return new Timed<>(result, new Clock(wall, cpu));
  }

  Clock minus(Clock other) {
    return new Clock(wallSeconds - other.wallSeconds, cpuSeconds - other.cpuSeconds);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
