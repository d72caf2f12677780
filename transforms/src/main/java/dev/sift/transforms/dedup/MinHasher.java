package dev.sift.transforms.dedup;

import java.io.Serializable;
import java.util.Arrays;

/**
 * MinHash signatures: for each of {@code numPerm} seeded hash functions {@code h(x) = (a x + b) >>>
 * 32} (multiply-add-shift over 64-bit shingle hashes, {@code a} odd), the smallest value over the
 * shingle set. Two sets agree at a position with probability equal to their Jaccard similarity. The
 * seeds are fixed, so signatures are the same on every run and runner.
 */
final class MinHasher implements Serializable {
  static final long SEED = 0x5349_4654_4445_4450L;

  private final long[] multipliers;
  private final long[] increments;

  MinHasher(int numPerm) {
    multipliers = new long[numPerm];
    increments = new long[numPerm];
    for (int i = 0; i < numPerm; i++) {
      multipliers[i] = Hash64.splitMix(SEED, 2 * i) | 1L;
      increments[i] = Hash64.splitMix(SEED, 2 * i + 1);
    }
  }

  int numPerm() {
    return multipliers.length;
  }

  /** The signature of a non-empty shingle set; values are unsigned 32-bit, held in ints. */
  int[] signature(long[] shingles) {
    int numPerm = multipliers.length;
    long[] mins = new long[numPerm];
    Arrays.fill(mins, Long.MAX_VALUE);
    for (long shingle : shingles) {
      for (int i = 0; i < numPerm; i++) {
        long value = (multipliers[i] * shingle + increments[i]) >>> 32;
        if (value < mins[i]) {
          mins[i] = value;
        }
      }
    }
    int[] signature = new int[numPerm];
    for (int i = 0; i < numPerm; i++) {
      signature[i] = (int) mins[i];
    }
    return signature;
  }

  /** The share of positions where two signatures agree: an estimate of Jaccard similarity. */
  static double estimate(int[] a, int[] b) {
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return (double) equal / a.length;
  }
}
