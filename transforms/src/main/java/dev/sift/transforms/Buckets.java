package dev.sift.transforms;

import dev.sift.transforms.dedup.Hash64;
import java.io.Serializable;

/**
 * The hash buckets of the exchanges keyed by something as numerous as conversations (the dedup
 * stage's nodes and band keys, the conflict check's questions, the split-leak search's band keys
 * and ids): each goes by bucket, at most {@link #count} keys per shuffle, its values often
 * collected in {@link Batches}. Grouping by a key per conversation would give the Direct Runner one
 * bundle per key, and its cost per bundle would dominate (at a million keys, its bookkeeping of
 * them alone stalls it). Results never depend on the count, only the parallelism of those steps
 * does.
 *
 * <p>The Direct Runner wants few buckets: it copies a key's grouped values so far each time a new
 * bundle brings more for it, and every bucket of one exchange brings values for every bucket of the
 * next, so an exchange costs about {@code count / 2} copies of its data there. A cluster runner
 * wants enough of them to spread the work over all its slots.
 */
public final class Buckets implements Serializable {
  /** Enough for the parallelism of a cluster. */
  public static final int FOR_CLUSTERS = 256;

  /** Buckets per core on the Direct Runner: enough to keep its threads busy; see above. */
  private static final int PER_CORE_FOR_DIRECT_RUNNER = 2;

  private final int count;

  private Buckets(int count) {
    this.count = count;
  }

  /**
   * The Direct Runner's count on a machine of {@code cores}: two per core, so that a step that
   * works bucket by bucket keeps every core busy when buckets differ in size, and no more, since
   * each bucket adds half a copy of every exchange's data.
   */
  public static int forDirectRunner(int cores) {
    return PER_CORE_FOR_DIRECT_RUNNER * Math.max(1, cores);
  }

  public static Buckets of(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("the number of buckets must be at least 1, got " + count);
    }
    return new Buckets(count);
  }

  public int count() {
    return count;
  }

  /** The bucket of a string key: stable across JVMs, as String.hashCode is. */
  public int of(String key) {
    return of((long) key.hashCode());
  }

  /** The bucket of a 64-bit hash. */
  public int of(long hash) {
    return (int) Math.floorMod(Hash64.mix(hash), (long) count);
  }
}
