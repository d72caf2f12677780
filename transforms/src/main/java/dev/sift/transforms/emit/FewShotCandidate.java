package dev.sift.transforms.emit;

import dev.sift.transforms.quality.Embeddings;
import dev.sift.transforms.quality.QualitySignals;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * What choosing few-shot examples needs to know about one kept conversation: its id, its token
 * count (non-system turns, in the spec's JTokkit encoding), its quality score, its topic (cell or
 * cluster), its sparse TF-IDF vector (the quality stage's 32 heaviest terms) and, where the quality
 * stage's semantic mode ran, its sentence embedding, all from {@link QualitySignals}. Immutable;
 * the weights are kept normalised to unit length so that a dot product is a cosine. Two candidates
 * that both have embeddings are compared by them, others by their TF-IDF vectors.
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
  private final float[] embedding;

  /**
   * @param termIds hashed term ids, strictly ascending
   * @param termWeights their weights, as many as ids; normalised here to unit length (all zero, or
   *     no terms, is an empty vector: similar to nothing)
   */
  public FewShotCandidate(
      String id, int tokens, double quality, int topic, int[] termIds, double[] termWeights) {
    this(id, tokens, quality, topic, termIds, termWeights, new float[0]);
  }

  /**
   * A candidate with a sentence embedding as well.
   *
   * @param embedding unit length (the quality stage's), or empty for none
   */
  public FewShotCandidate(
      String id,
      int tokens,
      double quality,
      int topic,
      int[] termIds,
      double[] termWeights,
      float[] embedding) {
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
    this.embedding = embedding.clone();
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
    float[] embedding = new float[signals.getEmbedding().size()];
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = signals.getEmbedding().get(i);
    }
    return new FewShotCandidate(
        id,
        signals.getTokens(),
        signals.getScore(),
        signals.getTopic(),
        ids.stream().mapToInt(Integer::intValue).toArray(),
        weights.stream().mapToDouble(Double::doubleValue).toArray(),
        embedding);
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

  /**
   * The topic: the quality stage's SimHash cell of the TF-IDF vector, or its k-means cluster of the
   * embedding in the semantic mode.
   */
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

  /** Whether it has neither terms nor an embedding: such a candidate is similar to nothing. */
  public boolean emptyVector() {
    return termIds.length == 0 && embedding.length == 0;
  }

  /** Whether the quality stage's semantic mode gave it a sentence embedding. */
  public boolean hasEmbedding() {
    return embedding.length > 0;
  }

  public float[] embedding() {
    return embedding.clone();
  }

  /**
   * Cosine similarity with {@code other}, in [0, 1]: of the embeddings when both have one (a
   * negative cosine counts as 0, unrelated), else of the TF-IDF vectors (non-negative weights).
   */
  public double cosine(FewShotCandidate other) {
    if (hasEmbedding() && other.hasEmbedding()) {
      return Math.max(0, Math.min(1, Embeddings.cosine(embedding, other.embedding)));
    }
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

  /** Adds the embedding to {@code sum}, component by component. */
  void addEmbeddingTo(double[] sum) {
    for (int i = 0; i < embedding.length; i++) {
      sum[i] += embedding[i];
    }
  }

  /** Dot product of the embedding with {@code vector}, summed in index order. */
  double dotEmbedding(double[] vector) {
    double dot = 0;
    for (int i = 0; i < embedding.length; i++) {
      dot += (double) embedding[i] * vector[i];
    }
    return dot;
  }

  /** The embedding's dot product with itself (1 but for rounding). */
  double embeddingNormSquared() {
    double dot = 0;
    for (float component : embedding) {
      dot += (double) component * component;
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
        && Arrays.equals(termWeights, other.termWeights)
        && Arrays.equals(embedding, other.embedding);
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
