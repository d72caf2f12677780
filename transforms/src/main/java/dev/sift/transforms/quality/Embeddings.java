package dev.sift.transforms.quality;

/**
 * Arithmetic on dense embeddings: dot products summed in index order in double precision and
 * rounded to {@value #PRECISION}, so that every comparison between similarities (a threshold, a
 * nearest centroid, a tie) gives the same answer on every run and runner.
 */
public final class Embeddings {
  public static final double PRECISION = 1e-6;

  private Embeddings() {}

  /** The dot product of {@code a} and {@code b}, rounded: their cosine when both have length 1. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    return round(dot);
  }

  /** {@code value} rounded to a multiple of {@value #PRECISION}. */
  public static double round(double value) {
    return Math.round(value / PRECISION) * PRECISION;
  }

  /** {@code vector} scaled to length 1; all zeros stay zeros. */
  static float[] normalised(double[] vector) {
    double norm = 0;
    for (double v : vector) {
      norm += v * v;
    }
    float[] unit = new float[vector.length];
    if (norm == 0) {
      return unit;
    }
    double length = Math.sqrt(norm);
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / length);
    }
    return unit;
  }
}
