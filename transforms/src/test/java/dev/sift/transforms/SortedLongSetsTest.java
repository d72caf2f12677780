package dev.sift.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link SortedLongSets#reaches}: the same answer as comparing {@link SortedLongSets#jaccard} with
 * the threshold.
 */
class SortedLongSetsTest {
  private static final double[] THRESHOLDS = {0, 0.1, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1, 1.5};

  @Test
  void reachesAgreesWithJaccardOnRandomSets() {
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      // Small universes make overlaps of every size, exact thresholds included.
      int universe = 1 + random.nextInt(60);
      long[] a = subset(random, universe);
      long[] b = random.nextInt(4) == 0 ? a.clone() : subset(random, universe);
      double threshold =
          random.nextBoolean()
              ? THRESHOLDS[random.nextInt(THRESHOLDS.length)]
              : SortedLongSets.jaccard(a, b) + (random.nextInt(3) - 1) * Math.ulp(1.0);
      assertEquals(
          SortedLongSets.jaccard(a, b) >= threshold,
          SortedLongSets.reaches(a, b, threshold),
          () -> "threshold " + threshold + ", jaccard " + SortedLongSets.jaccard(a, b));
    }
  }

  @Test
  void reachesAtTheBoundary() {
    long[] a = {1, 2, 3, 4, 5, 6, 7, 8};
    long[] b = {1, 2, 3, 4, 5, 6, 7, 9};
    // 7 in common of 9: 0.777...
    assertTrue(SortedLongSets.reaches(a, b, 7.0 / 9));
    assertFalse(SortedLongSets.reaches(a, b, Math.nextUp(7.0 / 9)));
    assertTrue(SortedLongSets.reaches(a, a, 1));
    assertFalse(SortedLongSets.reaches(a, new long[] {10, 11}, 0.01));
    assertTrue(SortedLongSets.reaches(new long[0], new long[0], 1));
    assertFalse(SortedLongSets.reaches(a, new long[0], 0.5));
  }

  private static long[] subset(Random random, int universe) {
    double density = random.nextDouble();
    return LongStream.range(0, universe)
        .filter(x -> random.nextDouble() < density)
        .map(x -> x * 0x9E3779B97F4A7C15L)
        .sorted()
        .toArray();
  }
}
