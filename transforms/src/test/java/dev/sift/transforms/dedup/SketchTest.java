package dev.sift.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** {@link Sketch}: its coder keeps what similarity compares, for both kinds of sketch. */
class SketchTest {
  @Test
  void shingleSketchesRoundTrip() throws Exception {
    Sketch sketch = Sketch.ofShingles("billing\u0000a", new long[] {-5L, 3L, 8L, Long.MAX_VALUE});
    Sketch decoded = CoderUtils.clone(Sketch.CODER, sketch);
    assertEquals(sketch.node(), decoded.node());
    assertEquals(1.0, decoded.similarity(sketch));
    assertEquals(0.5, decoded.similarity(Sketch.ofShingles("b", new long[] {-5L, 3L})));
  }

  @Test
  void signatureSketchesRoundTrip() throws Exception {
    int[] signature = {Integer.MIN_VALUE, -1, 0, 0x9e3779b9};
    Sketch decoded = CoderUtils.clone(Sketch.CODER, Sketch.ofSignature("n", signature));
    assertEquals("n", decoded.node());
    assertEquals(1.0, decoded.similarity(Sketch.ofSignature("m", signature)));
    assertEquals(
        0.5, decoded.similarity(Sketch.ofSignature("m", new int[] {Integer.MIN_VALUE, -1, 1, 2})));
  }
}
