package dev.sift.bench.dedup;

import dev.sift.transforms.SortedLongSets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Brute force: the exact Jaccard similarity of every pair of shingle sets, keeping the pairs at or
 * above {@code floor}. Pairs whose sizes alone rule the floor out ({@code |A ∩ B| / |A ∪ B| <= min
 * / max}) are skipped without being merged; that bound is exact, so nothing is missed.
 */
final class TruePairs {
  private TruePairs() {}

  /** A pair of indices {@code a < b} and its similarity. */
  record Pair(int a, int b, double jaccard) {
    long key() {
      return key(a, b);
    }

    static long key(int a, int b) {
      return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }
  }

  static List<Pair> atLeast(List<long[]> sets, double floor) {
    return IntStream.range(0, sets.size())
        .parallel()
        .mapToObj(a -> pairsOf(a, sets, floor))
        .flatMap(List::stream)
        .toList();
  }

  private static List<Pair> pairsOf(int a, List<long[]> sets, double floor) {
    List<Pair> pairs = new ArrayList<>();
    long[] first = sets.get(a);
    for (int b = a + 1; b < sets.size(); b++) {
      long[] second = sets.get(b);
      int small = Math.min(first.length, second.length);
      int large = Math.max(first.length, second.length);
      if (large == 0 || (double) small / large < floor) {
        continue;
      }
      double jaccard = SortedLongSets.jaccard(first, second);
      if (jaccard >= floor) {
        pairs.add(new Pair(a, b, jaccard));
      }
    }
    return pairs;
  }
}
