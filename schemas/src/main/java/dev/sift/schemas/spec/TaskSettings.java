package dev.sift.schemas.spec;

import java.io.Serializable;
import java.util.List;

/** The thresholds in force for one task, overrides and defaults resolved. */
public record TaskSettings(
    int fineTuneMinExamples,
    int fewShotK,
    double validationFraction,
    String output,
    int fewShotTokenBudget)
    implements Serializable {
  /** Fine-tuning files when the data supports them, else a few-shot bundle. */
  public static final String AUTO = "auto";

  /** A few-shot bundle as well as the fine-tuning files. */
  public static final String BOTH = "both";

  public static final List<String> OUTPUTS = List.of(AUTO, BOTH);

  public boolean wantsBoth() {
    return BOTH.equals(output);
  }
}
