package dev.sift.transforms;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.beam.sdk.util.VarInt;

/**
 * Nested encodings of primitive arrays for hand-written coders, which Beam's component coders lack:
 * a variable-length count, then the elements, integers as variable-length ints (small counts and
 * ids take a byte or two) or, for hashes that would take five, fixed-width, and the rest as
 * big-endian fixed-width values. Fixed-width elements are written and read as one block: a write or
 * read per element costs a stream call and a buffer check each, which for arrays of hundreds of
 * hashes outweighed the copying.
 */
public final class PrimitiveArrays {
  private PrimitiveArrays() {}

  public static void writeInts(int[] values, OutputStream out) throws IOException {
    VarInt.encode(values.length, out);
    for (int value : values) {
      VarInt.encode(value, out);
    }
  }

  public static int[] readInts(InputStream in) throws IOException {
    int[] values = new int[VarInt.decodeInt(in)];
    for (int i = 0; i < values.length; i++) {
      values[i] = VarInt.decodeInt(in);
    }
    return values;
  }

  /** Integers of all sizes alike, such as hashes: four bytes each. */
  public static void writeFixedInts(int[] values, OutputStream out) throws IOException {
    VarInt.encode(values.length, out);
    ByteBuffer block = ByteBuffer.allocate(Integer.BYTES * values.length);
    block.asIntBuffer().put(values);
    out.write(block.array());
  }

  public static int[] readFixedInts(InputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    int[] values = new int[n];
    ByteBuffer.wrap(readBlock(in, Integer.BYTES * n)).asIntBuffer().get(values);
    return values;
  }

  public static void writeLongs(long[] values, OutputStream out) throws IOException {
    VarInt.encode(values.length, out);
    ByteBuffer block = ByteBuffer.allocate(Long.BYTES * values.length);
    block.asLongBuffer().put(values);
    out.write(block.array());
  }

  public static long[] readLongs(InputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    long[] values = new long[n];
    ByteBuffer.wrap(readBlock(in, Long.BYTES * n)).asLongBuffer().get(values);
    return values;
  }

  public static void writeDoubles(double[] values, OutputStream out) throws IOException {
    VarInt.encode(values.length, out);
    ByteBuffer block = ByteBuffer.allocate(Double.BYTES * values.length);
    block.asDoubleBuffer().put(values);
    out.write(block.array());
  }

  public static double[] readDoubles(InputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    double[] values = new double[n];
    ByteBuffer.wrap(readBlock(in, Double.BYTES * n)).asDoubleBuffer().get(values);
    return values;
  }

  public static void writeFloats(float[] values, OutputStream out) throws IOException {
    VarInt.encode(values.length, out);
    ByteBuffer block = ByteBuffer.allocate(Float.BYTES * values.length);
    block.asFloatBuffer().put(values);
    out.write(block.array());
  }

  public static float[] readFloats(InputStream in) throws IOException {
    int n = VarInt.decodeInt(in);
    float[] values = new float[n];
    ByteBuffer.wrap(readBlock(in, Float.BYTES * n)).asFloatBuffer().get(values);
    return values;
  }

  private static byte[] readBlock(InputStream in, int length) throws IOException {
    byte[] block = in.readNBytes(length);
    if (block.length != length) {
      throw new EOFException("expected " + length + " bytes, got " + block.length);
    }
    return block;
  }
}
