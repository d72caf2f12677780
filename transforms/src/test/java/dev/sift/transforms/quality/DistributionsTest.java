package dev.sift.transforms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistributionsTest {

  @Test
  void jensenShannonOfDisjointDistributionsIsOneBit() {
    assertEquals(1.0, Distributions.jensenShannon(Map.of("a", 3L), Map.of("b", 5L)), 1e-12);
  }

  @Test
  void jensenShannonOfProportionalCountsIsZero() {
    assertEquals(
        0.0,
        Distributions.jensenShannon(Map.of("a", 1L, "b", 3L), Map.of("a", 2L, "b", 6L)),
        1e-12);
  }

  @Test
  void jensenShannonByHand() {
    // P = (1/2, 1/2), Q = (1, 0), M = (3/4, 1/4):
    // JS = 1/2 [1/2 log2(2/3) + 1/2 log2(2)] + 1/2 [log2(4/3)] = 0.311278 bits.
    double expected =
        0.5 * (0.5 * log2(0.5 / 0.75) + 0.5 * log2(0.5 / 0.25)) + 0.5 * log2(1 / 0.75);
    assertEquals(0.311278, expected, 1e-6);
    assertEquals(
        expected, Distributions.jensenShannon(Map.of("a", 1L, "b", 1L), Map.of("a", 4L)), 1e-12);
  }

  @Test
  void normalisedEntropyByHand() {
    // (0.83, 0.07, 0.10) as counts 83, 7, 10: H = 0.57106 nats, / ln 3 = 0.51980.
    assertEquals(
        0.51980, Distributions.normalisedEntropy(Map.of("r", 83L, "e", 7L, "p", 10L)), 1e-4);
    assertEquals(1.0, Distributions.normalisedEntropy(Map.of("a", 5L, "b", 5L)), 1e-12);
    assertEquals(1.0, Distributions.normalisedEntropy(Map.of("only", 9L)), 1e-12);
  }

  @Test
  void maxMinRatio() {
    assertEquals(12.0, Distributions.maxMinRatio(Map.of("a", 24L, "b", 2L, "c", 0L)), 1e-12);
    assertEquals(1.0, Distributions.maxMinRatio(Map.of()), 1e-12);
  }

  @Test
  void distinctNByHand() {
    long[] words = {1, 2, 1, 2}; // bigrams (1,2) (2,1) (1,2): 2 distinct of 3
    assertEquals(0.5, Distributions.distinctN(List.of(words), 1), 1e-12);
    assertEquals(2.0 / 3, Distributions.distinctN(List.of(words), 2), 1e-12);
    assertEquals(0.0, Distributions.distinctN(List.of(new long[0]), 2), 1e-12);
  }

  @Test
  void meanPairwiseDistanceByHand() {
    TermVector x = new TermVector(new int[] {1}, new double[] {1});
    TermVector y = new TermVector(new int[] {2}, new double[] {1});
    double s = Math.sqrt(0.5);
    TermVector xy = new TermVector(new int[] {1, 2}, new double[] {s, s});
    // distances: x-y 1, x-xy 1 - 0.7071, y-xy 1 - 0.7071; mean = (3 - 1.4142) / 3.
    assertEquals((3 - 2 * s) / 3, Distributions.meanPairwiseDistance(List.of(x, y, xy)), 1e-12);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
