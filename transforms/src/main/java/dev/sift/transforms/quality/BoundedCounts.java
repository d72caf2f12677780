package dev.sift.transforms.quality;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts by name (label value, source file, system prompt) that stay small: past {@value #CAP}
 * distinct names, every name is folded into one of {@value #CAP} hash buckets ({@code #17}). The
 * result depends only on the names counted, never on the order or grouping of the additions: the
 * counts are folded exactly when the names counted overall are more than {@value #CAP}.
 */
final class BoundedCounts implements Serializable {
  static final int CAP = 256;

  private final TreeMap<String, Long> counts = new TreeMap<>();
  private boolean folded;

  void add(String name, long n) {
    counts.merge(folded ? bucket(name) : name, n, Long::sum);
    if (!folded && counts.size() > CAP) {
      fold();
    }
  }

  void merge(BoundedCounts other) {
    if (other.folded && !folded) {
      fold();
    }
    other.counts.forEach((name, n) -> add(name, n));
  }

  Map<String, Long> counts() {
    return new TreeMap<>(counts);
  }

  boolean folded() {
    return folded;
  }

  private void fold() {
    Map<String, Long> names = new TreeMap<>(counts);
    counts.clear();
    folded = true;
    names.forEach((name, n) -> counts.merge(bucket(name), n, Long::sum));
  }

  private static String bucket(String name) {
    if (name.startsWith("#")) {
      return name;
    }
    return "#" + Long.remainderUnsigned(Words.hash(name, 0, name.length()), CAP);
  }
}
