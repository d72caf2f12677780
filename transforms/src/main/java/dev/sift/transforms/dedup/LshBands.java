package dev.sift.transforms.dedup;

import java.io.Serializable;

/**
 * Locality-sensitive hashing of MinHash signatures: the signature is cut into {@code bands} bands
 * of {@code rows} values, and two conversations become a candidate pair when all values of at least
 * one band agree. A pair of Jaccard similarity {@code s} does so with probability {@code 1 - (1 -
 * s^rows)^bands}, an S-shaped curve in {@code s}.
 *
 * <p>The shape is derived from the threshold {@code t}: of the splits with {@code bands * rows <=
 * numPerm}, the one with the most rows (the fewest candidates below the threshold, so the least
 * verification work) that still makes a pair at exactly {@code t} a candidate with probability at
 * least {@value #RECALL_AT_THRESHOLD}. Candidates are verified afterwards, so a candidate below the
 * threshold costs time, never a wrong answer; a pair that never becomes a candidate is a missed
 * duplicate, hence the bias toward recall.
 */
public final class LshBands implements Serializable {
  static final double RECALL_AT_THRESHOLD = 0.95;
  private static final long BAND_SEED = 0x4241_4e44L;

  private final int bands;
  private final int rows;

  private LshBands(int bands, int rows) {
    this.bands = bands;
    this.rows = rows;
  }

  static LshBands of(int bands, int rows) {
    return new LshBands(bands, rows);
  }

  /** The split for threshold {@code t} and {@code numPerm} signature values, as described above. */
  public static LshBands forThreshold(double threshold, int numPerm) {
    LshBands best = new LshBands(numPerm, 1);
    for (int rows = 1; rows <= numPerm; rows++) {
      LshBands candidate = new LshBands(numPerm / rows, rows);
      if (candidate.candidateProbability(threshold) >= RECALL_AT_THRESHOLD) {
        best = candidate;
      }
    }
    return best;
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  /** The probability that a pair of Jaccard similarity {@code s} becomes a candidate. */
  public double candidateProbability(double similarity) {
    return 1 - Math.pow(1 - Math.pow(similarity, rows), bands);
  }

  /** One key per band: the band's index, its values and the scope, hashed to 64 bits. */
  long[] keys(String scope, int[] signature) {
    long scopeHash = Hash64.of(scope, 0, scope.length(), BAND_SEED);
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long hash = Hash64.combine(scopeHash, band);
      for (int row = 0; row < rows; row++) {
        hash = Hash64.combine(hash, signature[band * rows + row]);
      }
      keys[band] = hash;
    }
    return keys;
  }
}
