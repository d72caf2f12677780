package dev.sift.bench.scale;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Which task each record of a synthetic log belongs to, what is planted in it and which earlier
 * record it copies: pure functions of the seed and the record's index, so that any record can be
 * made on its own, in any order, on any thread. Tasks are drawn with Zipf weights ({@code skew} 0
 * gives equal shares, 1 the classic 1/rank).
 */
final class LogPlan {
  /** How far back a copy looks for its source: duplicates in real logs are close in time. */
  private static final int SOURCE_WINDOW = 5_000;

  private final long seed;
  private final List<String> tasks;
  private final double[] taskCumulative;
  private final Planted[] kinds = Planted.values();
  private final int[] kindCumulative;

  LogPlan(long seed, List<String> tasks, double skew, int[] percents) {
    this.seed = seed;
    this.tasks = List.copyOf(tasks);
    this.taskCumulative = new double[tasks.size()];
    double total = 0;
    for (int t = 0; t < tasks.size(); t++) {
      total += 1 / Math.pow(t + 1, skew);
      taskCumulative[t] = total;
    }
    for (int t = 0; t < tasks.size(); t++) {
      taskCumulative[t] /= total;
    }
    kindCumulative = new int[kinds.length];
    int sum = 0;
    for (int k = 1; k < kinds.length; k++) {
      sum += percents[k];
      kindCumulative[k] = sum;
    }
    if (sum > 100) {
      throw new IllegalArgumentException("planted shares add up to more than 100%: " + sum);
    }
  }

  List<String> tasks() {
    return tasks;
  }

  int task(long index) {
    double u = rng(index, 1).nextDouble();
    int t = Arrays.binarySearch(taskCumulative, u);
    return Math.min(tasks.size() - 1, t >= 0 ? t : -t - 1);
  }

  Planted kind(long index) {
    if (index == 0) {
      return Planted.CLEAN;
    }
    int draw = rng(index, 2).nextInt(100);
    for (int k = 1; k < kinds.length; k++) {
      if (draw < kindCumulative[k]) {
        return kinds[k];
      }
    }
    return Planted.CLEAN;
  }

  /**
   * The earlier clean record of the same task that record {@code index} copies: a random one within
   * the window, then back to the nearest clean one of the task (record 0 is always clean).
   */
  long source(long index) {
    int task = task(index);
    long candidate = index - 1 - rng(index, 3).nextInt((int) Math.min(index, SOURCE_WINDOW));
    for (long i = candidate; i > 0; i--) {
      if (kind(i) == Planted.CLEAN && task(i) == task) {
        return i;
      }
    }
    return -1;
  }

  /** A generator for the random choices of record {@code index}'s {@code aspect}. */
  Random rng(long index, int aspect) {
    return new Random((seed * 31 + aspect) * 0x9E3779B97F4A7C15L + index);
  }
}
