package dev.sift.transforms.emit;

import dev.sift.transforms.quality.QualitySignals;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * What choosing few-shot examples needs to know about one kept conversation: its id, its token
 * count (non-system turns, in the spec's JTokkit encoding), its quality score, its topic cell and
 * its sparse TF-IDF vector (the quality stage's 32 heaviest terms), all from {@link
 * QualitySignals}. Immutable; the weights are kept normalised to unit length so that a dot product
 * is a cosine.
 */
public final class FewShotCandidate implements Serializable {

  /**
   * Upper bounds (exclusive) of the token-length buckets, the same as the quality stage's
   * representativeness buckets (docs/quality-criteria.md): {@code <32, 32-63, ..., >=2048}.
   */
  static final int[] LENGTH_EDGES = {32, 64, 128, 256, 512, 1024, 2048};

  private final String id;
  private final int tokens;
  private final double quality;
  private final int topic;
  private final int[] termIds;
  private final double[] termWeights;

  /**
   * @param termIds hashed term ids, strictly ascending
   * @param termWeights their weights, as many as ids; normalised here to unit length (all zero, or
   *     no terms, is an empty vector: similar to nothing)
   */
  public FewShotCandidate(
      String id, int tokens, double quality, int topic, int[] termIds, double[] termWeights) {
    this.id = Objects.requireNonNull(id, "id");
    if (tokens < 0) {
      throw new IllegalArgumentException(id + ": negative token count " + tokens);
    }
    if (!(quality >= 0 && quality <= 1)) {
      throw new IllegalArgumentException(id + ": quality score " + quality + " outside [0, 1]");
    }
    if (termIds.length != termWeights.length) {
      throw new IllegalArgumentException(
          id + ": " + termIds.length + " term ids but " + termWeights.length + " weights");
    }
    for (int i = 1; i < termIds.length; i++) {
      if (termIds[i] <= termIds[i - 1]) {
        throw new IllegalArgumentException(id + ": term ids are not strictly ascending");
      }
    }
    this.tokens = tokens;
    this.quality = quality;
    this.topic = topic;
    double norm = 0;
    for (double w : termWeights) {
      norm += w * w;
    }
    if (norm == 0) {
      this.termIds = new int[0];
      this.termWeights = new double[0];
    } else {
      double length = Math.sqrt(norm);
      this.termIds = termIds.clone();
      this.termWeights = new double[termWeights.length];
      for (int i = 0; i < termWeights.length; i++) {
        this.termWeights[i] = termWeights[i] / length;
      }
    }
  }

  /** The candidate of the kept conversation {@code id}, from what the quality stage found. */
  public static FewShotCandidate of(String id, QualitySignals signals) {
    List<Integer> ids = signals.getTermIds();
    List<Double> weights = signals.getTermWeights();
    return new FewShotCandidate(
        id,
        signals.getTokens(),
        signals.getScore(),
        signals.getTopic(),
        ids.stream().mapToInt(Integer::intValue).toArray(),
        weights.stream().mapToDouble(Double::doubleValue).toArray());
  }

  public String id() {
    return id;
  }

  /** Tokens of the non-system turns. */
  public int tokens() {
    return tokens;
  }

  /** The quality score in [0, 1]. */
  public double quality() {
    return quality;
  }

  /** The topic cell (the quality stage's SimHash cell of the TF-IDF vector). */
  public int topic() {
    return topic;
  }

  /** The token-length bucket, 0 ({@code <32}) to 7 ({@code >=2048}). */
  public int lengthBucket() {
    for (int i = 0; i < LENGTH_EDGES.length; i++) {
      if (tokens < LENGTH_EDGES[i]) {
        return i;
      }
    }
    return LENGTH_EDGES.length;
  }

  public int[] termIds() {
    return termIds.clone();
  }

  /** Unit-length weights, in the order of {@link #termIds()}. */
  public double[] termWeights() {
    return termWeights.clone();
  }

  /** Whether the vector has no term: such a candidate is similar to nothing. */
  public boolean emptyVector() {
    return termIds.length == 0;
  }

  /** Cosine similarity with {@code other}, in [0, 1] (weights are non-negative TF-IDF). */
  public double cosine(FewShotCandidate other) {
    double dot = 0;
    int i = 0;
    int j = 0;
    int[] a = termIds;
    int[] b = other.termIds;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        dot += termWeights[i++] * other.termWeights[j++];
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return Math.max(0, Math.min(1, dot));
  }

  /** Dot product with a vector given by the weight of each term id. */
  double dot(IntToDoubleFunction weightOf) {
    double dot = 0;
    for (int i = 0; i < termIds.length; i++) {
      dot += termWeights[i] * weightOf.applyAsDouble(termIds[i]);
    }
    return dot;
  }

  /** Adds this vector's weights to {@code sum}, term by term. */
  void addTo(Map<Integer, Double> sum) {
    for (int i = 0; i < termIds.length; i++) {
      sum.merge(termIds[i], termWeights[i], Double::sum);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FewShotCandidate other)) {
      return false;
    }
    return id.equals(other.id)
        && tokens == other.tokens
        && Double.compare(quality, other.quality) == 0
        && topic == other.topic
        && Arrays.equals(termIds, other.termIds)
        && Arrays.equals(termWeights, other.termWeights);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, tokens, quality, topic, Arrays.hashCode(termIds));
  }

  @Override
  public String toString() {
    return id + " (" + tokens + " tokens, quality " + quality + ", topic " + topic + ")";
  }
}
