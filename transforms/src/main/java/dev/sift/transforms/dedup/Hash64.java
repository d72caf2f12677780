package dev.sift.transforms.dedup;

/**
 * Fast, seeded 64-bit hashing of words and sequences of hashes, for shingles and LSH bands. The
 * functions are fixed by this code, not by the JVM, so every runner computes the same values. Hand
 * written because the hot loop hashes every word of every conversation and must not allocate (a
 * library hash would need the word's bytes first).
 */
public final class Hash64 {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Hash64() {}

  /** FNV-1a over the UTF-16 code units of {@code text[start, end)}, then {@link #mix}. */
  public static long of(CharSequence text, int start, int end, long seed) {
    long hash = FNV_OFFSET ^ seed;
    for (int i = start; i < end; i++) {
      hash = (hash ^ text.charAt(i)) * FNV_PRIME;
    }
    return mix(hash);
  }

  /** Combines a running hash with the next value, order-sensitively. */
  public static long combine(long hash, long value) {
    return mix(hash * GOLDEN + value);
  }

  /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
  public static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** The {@code index}-th value of the SplitMix64 sequence started at {@code seed}. */
  static long splitMix(long seed, int index) {
    return mix(seed + GOLDEN * (index + 1));
  }
}
