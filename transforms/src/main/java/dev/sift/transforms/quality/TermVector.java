package dev.sift.transforms.quality;

import dev.sift.transforms.PrimitiveArrays;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A sparse, L2-normalised TF-IDF vector over hashed term ids ({@value #ID_BITS} bits of the term
 * hash), ids ascending. Weights are {@code (1 + ln tf) * idf}; every sum runs in id order, so the
 * same text and frequencies give the same doubles on every runner.
 */
public final class TermVector implements Serializable {
  static final int ID_BITS = 18;
  static final int DIMENSIONS = 1 << ID_BITS;
  static final TermVector EMPTY = new TermVector(new int[0], new double[0]);

  private final int[] ids;
  private final double[] weights;

  TermVector(int[] ids, double[] weights) {
    this.ids = ids;
    this.weights = weights;
  }

  static int id(long termHash) {
    return (int) (termHash >>> (64 - ID_BITS));
  }

  /** Term ids and their counts, ids ascending, of the non-zero {@code terms}. */
  static TermCounts count(long[] terms, int n) {
    int[] ids = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (terms[i] != 0) {
        ids[k++] = id(terms[i]);
      }
    }
    Arrays.sort(ids, 0, k);
    int[] distinct = new int[k];
    int[] counts = new int[k];
    int d = 0;
    for (int i = 0; i < k; i++) {
      if (d > 0 && distinct[d - 1] == ids[i]) {
        counts[d - 1]++;
      } else {
        distinct[d] = ids[i];
        counts[d] = 1;
        d++;
      }
    }
    return new TermCounts(Arrays.copyOf(distinct, d), Arrays.copyOf(counts, d));
  }

  /** The TF-IDF vector of {@code counts}, normalised to length 1. */
  static TermVector weigh(TermCounts counts, DocumentFrequencies frequencies) {
    int n = counts.ids().length;
    double[] weights = new double[n];
    double norm = 0;
    for (int i = 0; i < n; i++) {
      weights[i] = (1 + Math.log(counts.counts()[i])) * frequencies.idf(counts.ids()[i]);
      norm += weights[i] * weights[i];
    }
    if (norm == 0) {
      return EMPTY;
    }
    double length = Math.sqrt(norm);
    for (int i = 0; i < n; i++) {
      weights[i] /= length;
    }
    return new TermVector(counts.ids().clone(), weights);
  }

  /** Cosine similarity with {@code other}: both are unit vectors, so their dot product. */
  double cosine(TermVector other) {
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < ids.length && j < other.ids.length) {
      if (ids[i] == other.ids[j]) {
        dot += weights[i++] * other.weights[j++];
      } else if (ids[i] < other.ids[j]) {
        i++;
      } else {
        j++;
      }
    }
    return Math.min(1, dot);
  }

  /**
   * The {@code k} heaviest terms (ties: the smaller id), renormalised, ids ascending: a compact
   * vector for samples and for choosing examples.
   */
  TermVector top(int k) {
    if (ids.length <= k) {
      return this;
    }
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byWeight = Double.compare(weights[b], weights[a]);
          return byWeight != 0 ? byWeight : Integer.compare(ids[a], ids[b]);
        });
    int[] kept = new int[k];
    for (int i = 0; i < k; i++) {
      kept[i] = order[i];
    }
    Arrays.sort(kept);
    int[] topIds = new int[k];
    double[] topWeights = new double[k];
    double norm = 0;
    for (int i = 0; i < k; i++) {
      topIds[i] = ids[kept[i]];
      topWeights[i] = weights[kept[i]];
      norm += topWeights[i] * topWeights[i];
    }
    double length = Math.sqrt(norm);
    for (int i = 0; i < k; i++) {
      topWeights[i] /= length;
    }
    return new TermVector(topIds, topWeights);
  }

  /**
   * The cell of a random-hyperplane (SimHash) partition into {@code 2^bits} cells: bit b is the
   * sign of the vector's projection on a fixed pseudo-random ±1 hyperplane. Similar vectors share a
   * cell with probability {@code (1 - angle/pi)^bits}: a lexical stand-in for a topic cluster.
   */
  int cell(int bits) {
    int cell = 0;
    for (int b = 0; b < bits; b++) {
      double projection = 0;
      for (int i = 0; i < ids.length; i++) {
        long sign = dev.sift.transforms.dedup.Hash64.mix(ids[i] * 0x9E3779B97F4A7C15L + b);
        projection += (sign < 0 ? -1 : 1) * weights[i];
      }
      if (projection > 0) {
        cell |= 1 << b;
      }
    }
    return cell;
  }

  int[] ids() {
    return ids.clone();
  }

  double[] weights() {
    return weights.clone();
  }

  int size() {
    return ids.length;
  }

  /** Writes the ids and weights, for the coders of the values that hold a vector. */
  void encode(OutputStream out) throws IOException {
    PrimitiveArrays.writeInts(ids, out);
    PrimitiveArrays.writeDoubles(weights, out);
  }

  static TermVector decode(InputStream in) throws IOException {
    int[] ids = PrimitiveArrays.readInts(in);
    return new TermVector(ids, PrimitiveArrays.readDoubles(in));
  }

  /** Term ids ascending and how often each occurs. */
  record TermCounts(int[] ids, int[] counts) implements Serializable {}
}
