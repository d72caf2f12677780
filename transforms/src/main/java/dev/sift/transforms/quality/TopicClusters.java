package dev.sift.transforms.quality;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Topic clusters of a task in the semantic mode: spherical k-means over sentence embeddings (cosine
 * similarity to unit-length centroids), seeded by k-means++ from a random stream fixed by the
 * task's name. Fitted on points in a fixed order (the caller sorts them by id), with similarities
 * rounded by {@link Embeddings#cosine} and ties going to the smaller index, so the same points give
 * the same centroids, and every point the same cluster, on every run and runner.
 */
final class TopicClusters implements Serializable {
  /** At most as many clusters as the lexical mode has topic cells. */
  static final int MAX_CLUSTERS = 1 << Scored.TOPIC_BITS;

  static final int MAX_ITERATIONS = 50;

  private final float[][] centroids;

  TopicClusters(float[][] centroids) {
    this.centroids = centroids;
  }

  /** Clusters for {@code n} points: the rule of thumb √(n/2), at least 1, at most 16. */
  static int clustersFor(int n) {
    return Math.max(1, Math.min(MAX_CLUSTERS, (int) Math.round(Math.sqrt(n / 2.0))));
  }

  int size() {
    return centroids.length;
  }

  float[] centroid(int cluster) {
    return centroids[cluster].clone();
  }

  /** The cluster whose centroid is most similar to {@code point}; ties: the smaller index. */
  int assign(float[] point) {
    int best = 0;
    double bestSimilarity = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      double similarity = Embeddings.cosine(point, centroids[c]);
      if (similarity > bestSimilarity) {
        best = c;
        bestSimilarity = similarity;
      }
    }
    return best;
  }

  /**
   * Fits {@link #clustersFor}{@code (points.size())} clusters (fewer when there are fewer distinct
   * points) to unit-length {@code points}, taken in the order given.
   */
  static TopicClusters fit(List<float[]> points, long seed) {
    if (points.isEmpty()) {
      return new TopicClusters(new float[][] {new float[SentenceEmbedder.DIMENSIONS]});
    }
    List<float[]> centroids = seed(points, clustersFor(points.size()), new SplittableRandom(seed));
    int[] assignment = new int[points.size()];
    Arrays.fill(assignment, -1);
    TopicClusters clusters = new TopicClusters(centroids.toArray(float[][]::new));
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      boolean changed = false;
      for (int i = 0; i < points.size(); i++) {
        int cluster = clusters.assign(points.get(i));
        changed |= cluster != assignment[i];
        assignment[i] = cluster;
      }
      if (!changed) {
        break;
      }
      clusters = clusters.recentred(points, assignment);
    }
    return clusters;
  }

  /** Each centroid moved to the normalised mean of its points; one without points stays. */
  private TopicClusters recentred(List<float[]> points, int[] assignment) {
    int dimensions = centroids[0].length;
    double[][] sums = new double[centroids.length][dimensions];
    int[] members = new int[centroids.length];
    for (int i = 0; i < points.size(); i++) {
      float[] point = points.get(i);
      double[] sum = sums[assignment[i]];
      for (int d = 0; d < dimensions; d++) {
        sum[d] += point[d];
      }
      members[assignment[i]]++;
    }
    float[][] moved = new float[centroids.length][];
    for (int c = 0; c < centroids.length; c++) {
      moved[c] = members[c] == 0 ? centroids[c] : Embeddings.normalised(sums[c]);
    }
    return new TopicClusters(moved);
  }

  /**
   * k-means++ (Arthur and Vassilvitskii, 2007): the first centroid a random point, each next one a
   * point drawn with probability proportional to its squared distance (1 − cosine) to the nearest
   * centroid so far; stops early when every point is a centroid's copy.
   */
  private static List<float[]> seed(List<float[]> points, int k, SplittableRandom random) {
    List<float[]> centroids = new ArrayList<>();
    centroids.add(points.get(random.nextInt(points.size())));
    double[] nearest = new double[points.size()];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    while (centroids.size() < k) {
      float[] last = centroids.get(centroids.size() - 1);
      double total = 0;
      for (int i = 0; i < points.size(); i++) {
        double distance = Math.max(0, 1 - Embeddings.cosine(points.get(i), last));
        nearest[i] = Math.min(nearest[i], distance * distance);
        total += nearest[i];
      }
      if (total <= 0) {
        break;
      }
      double target = random.nextDouble() * total;
      int pick = points.size() - 1;
      double cumulative = 0;
      for (int i = 0; i < points.size(); i++) {
        cumulative += nearest[i];
        if (cumulative > target && nearest[i] > 0) {
          pick = i;
          break;
        }
      }
      centroids.add(points.get(pick));
    }
    return centroids;
  }
}
