package dev.sift.schemas.spec;

import java.io.Serializable;
import java.util.Objects;

/**
 * Thresholds for every task that does not override them.
 *
 * @param fineTuneMinExamples kept conversations a task needs to get fine-tuning files (200)
 * @param fewShotK examples in a few-shot bundle (5)
 * @param validationFraction share of a fine-tuning task that goes to validation (0.1)
 */
public record TaskDefaults(Integer fineTuneMinExamples, Integer fewShotK, Double validationFraction)
    implements Serializable {

  public TaskDefaults {
    fineTuneMinExamples = Objects.requireNonNullElse(fineTuneMinExamples, 200);
    fewShotK = Objects.requireNonNullElse(fewShotK, 5);
    validationFraction = Objects.requireNonNullElse(validationFraction, 0.1);
  }

  public static TaskDefaults standard() {
    return new TaskDefaults(null, null, null);
  }

  TaskSettings settings() {
    return new TaskSettings(fineTuneMinExamples, fewShotK, validationFraction);
  }
}
