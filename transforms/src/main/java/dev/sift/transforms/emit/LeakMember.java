package dev.sift.transforms.emit;

import dev.sift.transforms.PrimitiveArrays;
import dev.sift.transforms.dedup.Hash64;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * An example as {@link FindSplitLeaks} moves it between buckets: its id, its {@link #keyOf key},
 * its shingle set, and the keys of training mates it is to be compared with. Three shapes:
 *
 * <ul>
 *   <li>a <em>home</em>: an example with its shingles and no mates, at its key's bucket;
 *   <li>a <em>mate list</em>: a validation example's key and the keys of training examples sharing
 *       a band with it, without id or shingles, on its way to the validation example's home;
 *   <li>a <em>probe</em>: a validation example with its shingles and the mates at home in the
 *       bucket it is sent to.
 * </ul>
 */
record LeakMember(String id, long key, long[] shingles, long[] mates) implements Serializable {
  private static final long[] NONE = new long[0];
  private static final long SEED = 0x5eed_1ea4L;

  /**
   * The 64-bit key of an example id, its lowest bit clear for {@link #tagged} to use. Keys, not
   * ids, travel through the band search: 8 bytes each where the id's string costs ten times that on
   * the heap. Two ids with the same key only add comparisons: every pair is checked on its
   * shingles.
   */
  static long keyOf(String id) {
    return Hash64.of(id, 0, id.length(), SEED) & ~1L;
  }

  /** {@code key} with its lowest bit set for a validation example. */
  static long tagged(long key, boolean validation) {
    return validation ? key | 1L : key;
  }

  static boolean isValidation(long tagged) {
    return (tagged & 1L) != 0;
  }

  static long untagged(long tagged) {
    return tagged & ~1L;
  }

  static LeakMember home(String id, long[] shingles) {
    return new LeakMember(id, keyOf(id), shingles, NONE);
  }

  static LeakMember mateList(long key, long[] mates) {
    return new LeakMember("", key, NONE, mates);
  }

  LeakMember probing(long[] mates) {
    return new LeakMember(id, key, shingles, mates);
  }

  boolean isHome() {
    return mates.length == 0;
  }

  /** Codes a {@link LeakMember} field by field; deterministic. */
  static final class Coder extends AtomicCoder<LeakMember> {
    static final Coder INSTANCE = new Coder();

    @Override
    public void encode(LeakMember member, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(member.id(), out);
      BigEndianLongCoder.of().encode(member.key(), out);
      PrimitiveArrays.writeLongs(member.shingles(), out);
      PrimitiveArrays.writeLongs(member.mates(), out);
    }

    @Override
    public LeakMember decode(InputStream in) throws IOException {
      return new LeakMember(
          StringUtf8Coder.of().decode(in),
          BigEndianLongCoder.of().decode(in),
          PrimitiveArrays.readLongs(in),
          PrimitiveArrays.readLongs(in));
    }
  }
}
