package dev.sift.transforms;

/**
 * Sets of 64-bit hashes held as sorted arrays of distinct values, as shingle sets and the word sets
 * of answers are, compared by Jaccard similarity in one merge of the two arrays.
 */
public final class SortedLongSets {
  private SortedLongSets() {}

  /** Exact Jaccard similarity |A ∩ B| / |A ∪ B|; 1 when both are empty. */
  public static double jaccard(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  /**
   * Whether {@link #jaccard} is at least {@code threshold}, stopping as soon as the answer is
   * known. Jaccard grows with the intersection when the sizes are fixed, so the answer is whether
   * the intersection reaches the least one whose Jaccard, computed as {@link #jaccard} computes it,
   * reaches the threshold; the merge stops once it has that many in common or can no longer get
   * there. Most pairs compared are far apart and stop early.
   */
  public static boolean reaches(long[] a, long[] b, double threshold) {
    if (a.length == 0 && b.length == 0) {
      return 1 >= threshold;
    }
    int needed = leastCommon(a.length + b.length, threshold);
    if (needed > Math.min(a.length, b.length)) {
      return false;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (common < needed) {
      if (common + Math.min(a.length - i, b.length - j) < needed) {
        return false;
      }
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return true;
  }

  /** The least intersection {@code c} with {@code c / (total - c) >= threshold}, in doubles. */
  private static int leastCommon(int total, double threshold) {
    int common = (int) Math.max(0, Math.ceil(threshold * total / (1 + threshold)));
    while (common > 0 && (double) (common - 1) / (total - common + 1) >= threshold) {
      common--;
    }
    while (common <= total / 2 && (double) common / (total - common) < threshold) {
      common++;
    }
    return common;
  }
}
