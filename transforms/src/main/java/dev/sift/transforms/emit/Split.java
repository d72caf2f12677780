package dev.sift.transforms.emit;

import dev.sift.schemas.Fingerprint;
import java.io.Serializable;
import java.util.Collection;

/**
 * The train/validation split of a fine-tuning task, exact within each stratum (the conversations
 * sharing a value of {@code emit.stratifyBy}, or the whole task): the stratum's conversations are
 * ordered by a hash of their id; the first {@code round(validationFraction x kept)} go to
 * validation, the rest of the first {@code kept} to train, and those beyond {@code kept} (when
 * {@code emit.labelCap} limits the stratum) are filtered. The order depends only on ids, so the
 * split is the same for any input order, file layout and runner.
 */
public final class Split {
  public static final String TRAIN = "train";
  public static final String VALIDATION = "validation";

  /** No limit: the label cap is off, or cannot hold (see {@link #labelLimit}). */
  static final long UNLIMITED = Long.MAX_VALUE;

  private Split() {}

  /** The order of conversations within a stratum. */
  static long hash(String conversationId) {
    return Fingerprint.of("split", conversationId).asLong();
  }

  /**
   * The most conversations one label may keep so that no label exceeds {@code cap} of the capped
   * set: the largest m with {@code m <= cap x sum(min(n, m))} over the labels' counts n. That
   * inequality holds on an interval from 0 (its left side grows faster once labels run out), so a
   * binary search finds m. {@link #UNLIMITED} when there is no cap, or when it cannot hold with
   * this many labels (cap x labels <= 1, e.g. a cap of 0.3 on three labels).
   */
  static long labelLimit(Collection<Long> labelCounts, Double cap) {
    if (cap == null || cap >= 1 || labelCounts.size() * cap <= 1) {
      return UNLIMITED;
    }
    long low = 0;
    long high = labelCounts.stream().mapToLong(Long::longValue).max().orElse(0);
    while (low < high) {
      long mid = (low + high + 1) >>> 1;
      if (mid <= cap * capped(labelCounts, mid)) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low == 0 ? UNLIMITED : low;
  }

  private static long capped(Collection<Long> counts, long limit) {
    long sum = 0;
    for (long n : counts) {
      sum += Math.min(n, limit);
    }
    return sum;
  }

  /**
   * Where a stratum's sorted hashes are cut: at most {@code limit} kept, and {@code round(fraction
   * x kept)} of those in validation.
   */
  static Cuts cuts(long[] sortedHashes, long limit, double fraction) {
    int kept = (int) Math.min(sortedHashes.length, limit);
    int validation = (int) Math.round(fraction * kept);
    return new Cuts(
        validation == 0 ? null : sortedHashes[validation - 1],
        kept == 0 ? null : sortedHashes[kept - 1],
        kept - validation,
        validation,
        sortedHashes.length - kept);
  }

  /**
   * The last hash of validation and of the kept conversations (null when there are none), and how
   * many go to each side or are capped.
   */
  record Cuts(Long lastValidation, Long lastKept, long train, long validation, long capped)
      implements Serializable {
    /** train, validation, or null when the conversation is beyond the cap. */
    String sideOf(long hash) {
      if (lastValidation != null && hash <= lastValidation) {
        return VALIDATION;
      }
      return lastKept != null && hash <= lastKept ? TRAIN : null;
    }
  }
}
