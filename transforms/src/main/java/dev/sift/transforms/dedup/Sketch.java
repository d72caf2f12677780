package dev.sift.transforms.dedup;

import dev.sift.transforms.PrimitiveArrays;
import dev.sift.transforms.SortedLongSets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * What verification compares for one conversation (a node): its shingle set, for exact Jaccard, or
 * its MinHash signature, for the estimate. Only one of the two is held.
 */
final class Sketch {
  static final Coder CODER = new Coder();

  private final String node;
  private final long[] shingles;
  private final int[] signature;

  private Sketch(String node, long[] shingles, int[] signature) {
    this.node = node;
    this.shingles = shingles;
    this.signature = signature;
  }

  static Sketch ofShingles(String node, long[] shingles) {
    return new Sketch(node, shingles, new int[0]);
  }

  static Sketch ofSignature(String node, int[] signature) {
    return new Sketch(node, new long[0], signature);
  }

  String node() {
    return node;
  }

  /** Exact Jaccard of the shingle sets, or the signatures' estimate of it. */
  double similarity(Sketch other) {
    return signature.length > 0
        ? MinHasher.estimate(signature, other.signature)
        : SortedLongSets.jaccard(shingles, other.shingles);
  }

  /** Node, then the two arrays, each as a block of fixed-width values after its length. */
  static final class Coder extends CustomCoder<Sketch> {
    @Override
    public void encode(Sketch sketch, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(sketch.node, out);
      PrimitiveArrays.writeLongs(sketch.shingles, out);
      PrimitiveArrays.writeFixedInts(sketch.signature, out);
    }

    @Override
    public Sketch decode(InputStream in) throws IOException {
      String node = StringUtf8Coder.of().decode(in);
      long[] shingles = PrimitiveArrays.readLongs(in);
      return new Sketch(node, shingles, PrimitiveArrays.readFixedInts(in));
    }
  }
}
