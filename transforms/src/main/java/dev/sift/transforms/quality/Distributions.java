package dev.sift.transforms.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The metrics behind the criteria, on counts and samples: Jensen-Shannon divergence, normalised
 * entropy, max/min ratio, distinct-n, mean pairwise distance. Every sum runs over sorted keys or in
 * sample order, so equal inputs give equal doubles.
 */
public final class Distributions {
  private static final double LN2 = Math.log(2);

  private Distributions() {}

  /**
   * Jensen-Shannon divergence in bits, in [0, 1], between the distributions of two count maps:
   * {@code JS = H(M) - (H(P) + H(Q)) / 2}, {@code M = (P + Q) / 2}. 0 when either is empty.
   */
  public static <K extends Comparable<K>> double jensenShannon(Map<K, Long> p, Map<K, Long> q) {
    double totalP = total(p);
    double totalQ = total(q);
    if (totalP == 0 || totalQ == 0) {
      return 0;
    }
    Set<K> keys = new TreeSet<>(p.keySet());
    keys.addAll(q.keySet());
    double divergence = 0;
    for (K key : keys) {
      double a = p.getOrDefault(key, 0L) / totalP;
      double b = q.getOrDefault(key, 0L) / totalQ;
      double m = (a + b) / 2;
      divergence += half(a, m) + half(b, m);
    }
    return Math.max(0, Math.min(1, divergence / LN2));
  }

  private static double half(double x, double m) {
    return x == 0 ? 0 : 0.5 * x * Math.log(x / m);
  }

  /** Shannon entropy over ln(k), k the classes present; 1 when fewer than two are present. */
  static <K extends Comparable<K>> double normalisedEntropy(Map<K, Long> counts) {
    Map<K, Long> present = new TreeMap<>();
    counts.forEach(
        (key, n) -> {
          if (n > 0) {
            present.put(key, n);
          }
        });
    if (present.size() < 2) {
      return 1;
    }
    double total = total(present);
    double entropy = 0;
    for (long n : present.values()) {
      double p = n / total;
      entropy -= p * Math.log(p);
    }
    return Math.min(1, entropy / Math.log(present.size()));
  }

  /** The largest count over the smallest non-zero one; 1 for fewer than two classes. */
  static double maxMinRatio(Map<?, Long> counts) {
    long max = 0;
    long min = Long.MAX_VALUE;
    for (long n : counts.values()) {
      if (n > 0) {
        max = Math.max(max, n);
        min = Math.min(min, n);
      }
    }
    return min == Long.MAX_VALUE ? 1 : (double) max / min;
  }

  /** Distinct word n-grams over all word n-grams of the sequences; 0 when there are none. */
  static double distinctN(List<long[]> sequences, int n) {
    Set<Long> distinct = new HashSet<>();
    long total = 0;
    for (long[] words : sequences) {
      for (int i = 0; i + n <= words.length; i++) {
        long hash = 0;
        for (int k = i; k < i + n; k++) {
          hash = dev.sift.transforms.dedup.Hash64.combine(hash, words[k]);
        }
        distinct.add(hash);
        total++;
      }
    }
    return total == 0 ? 0 : (double) distinct.size() / total;
  }

  /** Mean of {@code 1 - cosine} over all pairs, in list order; 0 for fewer than two vectors. */
  static double meanPairwiseDistance(List<TermVector> vectors) {
    int n = vectors.size();
    if (n < 2) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        sum += 1 - vectors.get(i).cosine(vectors.get(j));
      }
    }
    return sum / ((double) n * (n - 1) / 2);
  }

  static double total(Map<?, Long> counts) {
    double total = 0;
    for (long n : counts.values()) {
      total += n;
    }
    return total;
  }
}
