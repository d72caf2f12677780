package dev.sift.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.beam.sdk.util.VarInt;
import org.junit.jupiter.api.Test;

/** {@link PrimitiveArrays}: nested round trips, one after another in a stream, and the layout. */
class PrimitiveArraysTest {
  @Test
  void arraysRoundTripOneAfterAnother() throws Exception {
    int[] small = {0, 1, 300, Integer.MAX_VALUE, -1};
    int[] hashes = {0x9e3779b9, 0, Integer.MIN_VALUE, 7};
    long[] longs = {Long.MIN_VALUE, -1L, 0L, 42L, Long.MAX_VALUE};
    double[] doubles = {-0.5, 0.0, Double.MAX_VALUE};
    float[] floats = {1.5f, -2.25f};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrimitiveArrays.writeInts(small, out);
    PrimitiveArrays.writeFixedInts(hashes, out);
    PrimitiveArrays.writeLongs(longs, out);
    PrimitiveArrays.writeFixedInts(new int[0], out);
    PrimitiveArrays.writeDoubles(doubles, out);
    PrimitiveArrays.writeFloats(floats, out);
    out.write(99);

    InputStream in = new ByteArrayInputStream(out.toByteArray());
    assertArrayEquals(small, PrimitiveArrays.readInts(in));
    assertArrayEquals(hashes, PrimitiveArrays.readFixedInts(in));
    assertArrayEquals(longs, PrimitiveArrays.readLongs(in));
    assertArrayEquals(new int[0], PrimitiveArrays.readFixedInts(in));
    assertArrayEquals(doubles, PrimitiveArrays.readDoubles(in));
    assertArrayEquals(floats, PrimitiveArrays.readFloats(in));
    assertEquals(99, in.read());
  }

  @Test
  void fixedWidthValuesAreBigEndianAfterTheirCount() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrimitiveArrays.writeFixedInts(new int[] {0x01020304}, out);
    PrimitiveArrays.writeLongs(new long[] {0x0102030405060708L}, out);
    assertArrayEquals(new byte[] {1, 1, 2, 3, 4, 1, 1, 2, 3, 4, 5, 6, 7, 8}, out.toByteArray());
  }

  @Test
  void aShortBlockIsAnError() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VarInt.encode(3, out);
    out.write(new byte[8]);
    byte[] truncated = Arrays.copyOf(out.toByteArray(), out.size());
    assertThrows(
        EOFException.class, () -> PrimitiveArrays.readLongs(new ByteArrayInputStream(truncated)));
  }
}
