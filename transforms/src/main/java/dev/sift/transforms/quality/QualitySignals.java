package dev.sift.transforms.quality;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What scoring found about one kept conversation, for later stages (choosing few-shot examples,
 * token budgets): docs/quality-criteria.md defines each signal.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class QualitySignals implements Serializable {

  /** Tokens of the non-system turns, in the spec's encoding. */
  public abstract int getTokens();

  public abstract int getSystemTokens();

  /** Tokens of each message, system turns included, in order. */
  public abstract List<Integer> getMessageTokens();

  /** Non-system turns. */
  public abstract int getTurns();

  /** {@code valid} or what is wrong: {@code not_alternating}, {@code empty_turn}, ... */
  public abstract String getRoleStructure();

  public abstract int getShortMessages();

  public abstract int getLongMessages();

  /** ISO 639-1 code, or {@code unknown}. */
  public abstract String getLanguage();

  /** Largest Gopher repetition share over its limit; above 1 is repetitive. */
  public abstract double getRepetition();

  public abstract double getSymbolRatio();

  public abstract boolean getTruncated();

  public abstract boolean getRefusal();

  public abstract boolean getBoilerplate();

  /** Cosine similarity to the task's profile; null when the spec gives the task none. */
  public abstract @Nullable Double getRelevance();

  /** The per-conversation quality score in [0, 1]. */
  public abstract double getScore();

  /**
   * The topic: the SimHash cell of the TF-IDF vector, or in the semantic mode the k-means cluster
   * of the embedding; 0 to 15.
   */
  public abstract int getTopic();

  /** The TF-IDF vector's heaviest terms: hashed term ids, ascending, and their unit weights. */
  public abstract List<Integer> getTermIds();

  public abstract List<Double> getTermWeights();

  /**
   * The sentence embedding (384 components, unit length) when the semantic mode scored the task,
   * else empty.
   */
  public abstract List<Float> getEmbedding();

  /** Every quality reason met, filtering or not. */
  public abstract List<String> getFlags();

  static Builder builder() {
    return new AutoValue_QualitySignals.Builder();
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setTokens(int tokens);

    abstract Builder setSystemTokens(int tokens);

    abstract Builder setMessageTokens(List<Integer> tokens);

    abstract Builder setTurns(int turns);

    abstract Builder setRoleStructure(String structure);

    abstract Builder setShortMessages(int n);

    abstract Builder setLongMessages(int n);

    abstract Builder setLanguage(String language);

    abstract Builder setRepetition(double repetition);

    abstract Builder setSymbolRatio(double ratio);

    abstract Builder setTruncated(boolean truncated);

    abstract Builder setRefusal(boolean refusal);

    abstract Builder setBoilerplate(boolean boilerplate);

    abstract Builder setRelevance(@Nullable Double relevance);

    abstract Builder setScore(double score);

    abstract Builder setTopic(int topic);

    abstract Builder setTermIds(List<Integer> ids);

    abstract Builder setTermWeights(List<Double> weights);

    abstract Builder setEmbedding(List<Float> embedding);

    abstract Builder setFlags(List<String> flags);

    abstract QualitySignals build();
  }
}
