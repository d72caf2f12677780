package dev.sift.bench.dedup;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Recall and precision of each tool's reported pairs against the brute-force pairs, per band of
 * true Jaccard similarity. A band at or above the threshold shows how many of its pairs each tool
 * found (recall); a band below it, how many of its pairs each tool wrongly reported. A reported
 * pair below the lowest band counts as wrong too.
 */
final class PairReport {
  private final double[] edges;
  private final double threshold;
  private final List<TruePairs.Pair> truth;
  private final List<DedupBench.Tool> tools;

  PairReport(
      double[] edges, double threshold, List<TruePairs.Pair> truth, List<DedupBench.Tool> tools) {
    this.edges = edges;
    this.threshold = threshold;
    this.truth = truth;
    this.tools = tools;
  }

  void print(PrintStream out) {
    StringBuilder header = new StringBuilder(String.format("%-14s %9s", "true Jaccard", "pairs"));
    tools.forEach(
        tool -> header.append(String.format(" %11s %8s", tool.name() + " found", "share")));
    out.println(header);
    for (int band = edges.length - 2; band >= 0; band--) {
      double low = edges[band];
      double high = edges[band + 1];
      boolean last = band == edges.length - 2;
      long pairs = truth.stream().filter(p -> in(p.jaccard(), low, high, last)).count();
      StringBuilder line =
          new StringBuilder(
              String.format(Locale.ROOT, "[%.2f, %.2f%s %9d", low, high, last ? "]" : ")", pairs));
      for (DedupBench.Tool tool : tools) {
        long found =
            truth.stream()
                .filter(p -> in(p.jaccard(), low, high, last) && tool.pairs().contains(p.key()))
                .count();
        line.append(
            String.format(Locale.ROOT, " %11d %8s", found, pairs == 0 ? "-" : share(found, pairs)));
      }
      line.append(low >= threshold ? "   recall" : "   wrongly reported");
      out.println(line);
      if (low == threshold) {
        out.println("-".repeat(line.length()));
      }
    }
    long wanted = truth.stream().filter(p -> p.jaccard() >= threshold).count();
    for (DedupBench.Tool tool : tools) {
      long right =
          truth.stream()
              .filter(p -> p.jaccard() >= threshold && tool.pairs().contains(p.key()))
              .count();
      long reported = tool.pairs().size();
      out.printf(
          Locale.ROOT,
          "%-6s recall %s  precision %s  (%d of %d true pairs, %d reported)  time %.1f s wall,"
              + " %.1f s CPU%n",
          tool.name(),
          share(right, wanted),
          reported == 0 ? "-" : share(right, reported),
          right,
          wanted,
          reported,
          tool.clock().wallSeconds(),
          tool.clock().cpuSeconds());
    }
  }

  /** The share of true pairs at or above the threshold whose two members share a kept id. */
  static double sameClusterShare(
      List<TruePairs.Pair> truth, double threshold, IntFunction<String> keptId) {
    long wanted = 0;
    long together = 0;
    for (TruePairs.Pair pair : truth) {
      if (pair.jaccard() >= threshold) {
        wanted++;
        together += keptId.apply(pair.a()).equals(keptId.apply(pair.b())) ? 1 : 0;
      }
    }
    return wanted == 0 ? 1 : (double) together / wanted;
  }

  private static boolean in(double value, double low, double high, boolean closed) {
    return value >= low && (value < high || (closed && value <= high));
  }

  private static String share(long part, long whole) {
    return String.format(Locale.ROOT, "%.4f", (double) part / whole);
  }
}
