package dev.sift.schemas.spec;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How fine-tuning files are made from a task's kept conversations.
 *
 * @param stratifyBy metadata field whose values the train/validation split keeps in proportion, and
 *     {@code labelCap} applies to; default: the first of {@code quality.labelFields}, if any
 * @param labelCap the largest share of a fine-tuning task one label value may take; the excess, by
 *     id hash, is filtered as {@code label_cap}. Default: no cap
 * @param maxExampleTokens the most tokens one fine-tuning example may have, as hosted fine-tuning
 *     enforces (16,384); longer ones are filtered as {@code too_many_tokens}
 * @param epochs the training epochs the report multiplies training tokens by (3)
 * @param leakThreshold shingle Jaccard similarity at or above which a validation conversation
 *     counts as a near duplicate of a training one and is moved to train (0.5)
 */
public record EmitSpec(
    String stratifyBy,
    Double labelCap,
    Integer maxExampleTokens,
    Integer epochs,
    Double leakThreshold,
    List<String> blockingCriteria)
    implements Serializable {

  /** The five quality criteria, as docs/quality-criteria.md names them. */
  public static final List<String> CRITERIA =
      List.of("representative", "diverse", "balanced", "consistent", "relevant");

  public EmitSpec {
    maxExampleTokens = Objects.requireNonNullElse(maxExampleTokens, 16_384);
    epochs = Objects.requireNonNullElse(epochs, 3);
    leakThreshold = Objects.requireNonNullElse(leakThreshold, 0.5);
    blockingCriteria = blockingCriteria == null ? CRITERIA : List.copyOf(blockingCriteria);
  }

  public static EmitSpec standard() {
    return new EmitSpec(null, null, null, null, null, null);
  }

  /** The field to stratify by: {@code stratifyBy}, else the first label field, else none. */
  public String stratifyField(List<String> labelFields) {
    if (stratifyBy != null) {
      return stratifyBy;
    }
    return labelFields.isEmpty() ? null : labelFields.get(0);
  }
}
