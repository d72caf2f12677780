package dev.sift.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;

/** A {@code long[]} as {@link PrimitiveArrays} writes it: a count, then one block of values. */
public final class LongArrayCoder extends AtomicCoder<long[]> {
  private static final LongArrayCoder INSTANCE = new LongArrayCoder();

  private LongArrayCoder() {}

  public static LongArrayCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(long[] values, OutputStream out) throws IOException {
    PrimitiveArrays.writeLongs(values, out);
  }

  @Override
  public long[] decode(InputStream in) throws IOException {
    return PrimitiveArrays.readLongs(in);
  }
}
