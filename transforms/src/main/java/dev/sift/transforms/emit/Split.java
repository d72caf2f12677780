package dev.sift.transforms.emit;

import dev.sift.schemas.Fingerprint;

/**
 * The train/validation split of a fine-tuning task: a conversation goes to validation when the hash
 * of its id falls below the validation fraction. Independent of order and runner, and stable: a
 * conversation stays on its side when others are added.
 */
public final class Split {
  public static final String TRAIN = "train";
  public static final String VALIDATION = "validation";

  private Split() {}

  public static String of(String conversationId, double validationFraction) {
    return Fingerprint.of("split", conversationId).unitInterval() < validationFraction
        ? VALIDATION
        : TRAIN;
  }
}
