package dev.sift.schemas.spec;

import java.io.Serializable;
import java.util.Objects;

/**
 * Thresholds for every task that does not override them.
 *
 * @param fineTuneMinExamples kept conversations a task needs to get fine-tuning files (200)
 * @param fewShotK examples in a few-shot bundle (5)
 * @param validationFraction share of a fine-tuning task that goes to validation (0.1)
 * @param output what a task gets: {@code auto} (fine-tuning files when the data supports them, else
 *     a few-shot bundle; the default) or {@code both} (a few-shot bundle as well, for in-context
 *     adaptation next to the fine-tuned model)
 * @param fewShotTokenBudget tokens the few-shot bundle's examples may take together (2,000)
 */
public record TaskDefaults(
    Integer fineTuneMinExamples,
    Integer fewShotK,
    Double validationFraction,
    String output,
    Integer fewShotTokenBudget)
    implements Serializable {

  public TaskDefaults {
    fineTuneMinExamples = Objects.requireNonNullElse(fineTuneMinExamples, 200);
    fewShotK = Objects.requireNonNullElse(fewShotK, 5);
    validationFraction = Objects.requireNonNullElse(validationFraction, 0.1);
    output = Objects.requireNonNullElse(output, TaskSettings.AUTO);
    fewShotTokenBudget = Objects.requireNonNullElse(fewShotTokenBudget, 2_000);
  }

  public static TaskDefaults standard() {
    return new TaskDefaults(null, null, null, null, null);
  }

  TaskSettings settings() {
    return new TaskSettings(
        fineTuneMinExamples, fewShotK, validationFraction, output, fewShotTokenBudget);
  }
}
