package dev.sift.transforms.dedup;

import dev.sift.schemas.Conversation;
import java.io.Serializable;
import java.util.Locale;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Which conversation of a duplicate cluster is kept: the one with the best quality score, when a
 * score is given, then the smallest id. The order is encoded as a sortable prefix of each
 * conversation's node key, so that the smallest key of a cluster is its representative wherever the
 * cluster is computed.
 *
 * <p>Sift computes no quality score yet; {@link #highestScore} is the hook for the stage that will.
 */
public final class Representatives implements Serializable {
  private final @Nullable SerializableFunction<Conversation, @Nullable Double> score;

  private Representatives(@Nullable SerializableFunction<Conversation, @Nullable Double> score) {
    this.score = score;
  }

  /** The conversation with the smallest id (ids are content hashes: a deterministic choice). */
  public static Representatives smallestId() {
    return new Representatives(null);
  }

  /**
   * The conversation with the highest {@code score}, then the smallest id; a conversation whose
   * score is null or NaN comes after every scored one.
   */
  public static Representatives highestScore(
      SerializableFunction<Conversation, @Nullable Double> score) {
    return new Representatives(score);
  }

  /** A prefix that sorts preferred conversations first; empty when there is no score. */
  String rank(Conversation conversation) {
    if (score == null) {
      return "";
    }
    Double value = score.apply(conversation);
    if (value == null || value.isNaN()) {
      return "1";
    }
    long bits = Double.doubleToLongBits(value == 0 ? 0.0 : value);
    long ascending = bits ^ ((bits >> 63) | Long.MIN_VALUE);
    return "0" + String.format(Locale.ROOT, "%016x", ~ascending);
  }
}
