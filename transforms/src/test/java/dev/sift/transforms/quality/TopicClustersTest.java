package dev.sift.transforms.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cosine, normalisation and k-means on small vectors whose answers are worked out by hand. */
class TopicClustersTest {

  private static float[] unit(double... components) {
    return Embeddings.normalised(components);
  }

  @Test
  void cosineIsTheRoundedDotProductOfUnitVectors() {
    // (1, 0) and (0.6, 0.8): cos = 0.6; (0.6, 0.8) and (0.8, 0.6): 0.48 + 0.48 = 0.96.
    assertEquals(0.6, Embeddings.cosine(unit(1, 0), unit(0.6, 0.8)), 1e-12);
    assertEquals(0.96, Embeddings.cosine(unit(0.6, 0.8), unit(0.8, 0.6)), 1e-12);
    assertEquals(-1.0, Embeddings.cosine(unit(1, 0), unit(-1, 0)), 1e-12);
    // Rounded to 1e-6: a difference in the 8th decimal does not show.
    float[] a = {1f, 0f};
    float[] b = {0.30000001f, 0f};
    float[] c = {0.30000004f, 0f};
    assertEquals(Embeddings.cosine(a, b), Embeddings.cosine(a, c));
    assertEquals(0.3, Embeddings.cosine(a, b), 1e-12);
  }

  @Test
  void normalisingScalesToLengthOne() {
    // (3, 4) has length 5.
    assertArrayEquals(new float[] {0.6f, 0.8f}, Embeddings.normalised(new double[] {3, 4}));
    assertArrayEquals(new float[] {0f, 0f}, Embeddings.normalised(new double[] {0, 0}));
  }

  @Test
  void clustersFollowTheSquareRootRule() {
    assertEquals(1, TopicClusters.clustersFor(1));
    assertEquals(2, TopicClusters.clustersFor(8)); // sqrt(4) = 2
    assertEquals(3, TopicClusters.clustersFor(18)); // sqrt(9) = 3
    assertEquals(11, TopicClusters.clustersFor(250)); // sqrt(125) = 11.2
    assertEquals(16, TopicClusters.clustersFor(3_000)); // sqrt(1500) = 38.7, capped
  }

  /**
   * Eight points, four near each of two orthogonal directions: whatever k-means++ picks first, the
   * second centroid is drawn among the far points (the near ones have distance ~0), and Lloyd's
   * step puts each group in its own cluster, with centroids the normalised means of the groups.
   */
  @Test
  void separatesTwoGroupsAndCentresEachOnItsMean() {
    List<float[]> points = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      points.add(unit(1, 0.1 * i, 0));
      points.add(unit(0, 0.1 * i, 1));
    }
    TopicClusters clusters = TopicClusters.fit(points, 7);
    assertEquals(2, clusters.size());
    int x = clusters.assign(unit(1, 0, 0));
    int z = clusters.assign(unit(0, 0, 1));
    assertNotEquals(x, z);
    for (int i = 0; i < points.size(); i++) {
      assertEquals(i % 2 == 0 ? x : z, clusters.assign(points.get(i)), "point " + i);
    }
    // Mean of the x group: unit vectors (1, 0.1i, 0)/|.|; its normalised sum, by hand below.
    double[] sum = new double[3];
    for (int i = 0; i < 4; i++) {
      double length = Math.sqrt(1 + 0.01 * i * i);
      sum[0] += 1 / length;
      sum[1] += 0.1 * i / length;
    }
    assertArrayEquals(Embeddings.normalised(sum), clusters.centroid(x), 1e-6f);
  }

  @Test
  void theSamePointsAndSeedGiveTheSameCentroids() {
    List<float[]> points = new ArrayList<>();
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 60; i++) {
      points.add(unit(random.nextGaussian(), random.nextGaussian(), random.nextGaussian()));
    }
    TopicClusters first = TopicClusters.fit(points, 11);
    TopicClusters second = TopicClusters.fit(new ArrayList<>(points), 11);
    assertEquals(5, first.size()); // sqrt(30) = 5.5
    for (int c = 0; c < first.size(); c++) {
      assertArrayEquals(first.centroid(c), second.centroid(c));
    }
  }

  @Test
  void aTieGoesToTheSmallerCluster() {
    TopicClusters clusters = new TopicClusters(new float[][] {unit(1, 0), unit(0, 1)});
    assertEquals(0, clusters.assign(unit(1, 1)));
    assertEquals(1, clusters.assign(unit(1, 2)));
  }

  @Test
  void identicalPointsMakeOneCluster() {
    List<float[]> points = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      points.add(unit(1, 1, 0));
    }
    assertEquals(1, TopicClusters.fit(points, 1).size());
  }
}
