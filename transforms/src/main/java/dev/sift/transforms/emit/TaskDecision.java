package dev.sift.transforms.emit;

import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.TaskSettings;

/**
 * What a task's data supports: fine-tuning when its kept conversations reach {@code
 * fineTuneMinExamples}, a few-shot bundle when there are fewer, nothing when there are none; with
 * the reason in words.
 */
public record TaskDecision(String task, Kind kind, long kept, TaskSettings settings) {

  /** The decision's name in outputs and the report. */
  public enum Kind {
    FINE_TUNE("fine-tune"),
    FEW_SHOT("few-shot"),
    /** Nothing survived ingest, validation and deduplication. */
    NONE("none");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The decision for {@code task} with {@code kept} conversations, by the spec's thresholds for it.
   */
  public static TaskDecision of(String task, long kept, SiftSpec spec) {
    return of(task, kept, spec.settingsFor(task));
  }

  public static TaskDecision of(String task, long kept, TaskSettings settings) {
    Kind kind =
        kept == 0
            ? Kind.NONE
            : kept >= settings.fineTuneMinExamples() ? Kind.FINE_TUNE : Kind.FEW_SHOT;
    return new TaskDecision(task, kind, kept, settings);
  }

  /** E.g. "37 clean conversations; 163 more needed to fine-tune (fineTuneMinExamples=200)". */
  public String why() {
    long needed = settings.fineTuneMinExamples();
    String clean = kept + " clean conversation" + (kept == 1 ? "" : "s");
    if (kind == Kind.FINE_TUNE) {
      return clean + " reach fineTuneMinExamples=" + needed;
    }
    if (kind == Kind.NONE) {
      return "no clean conversations: every record was dead-lettered or filtered";
    }
    return clean
        + "; "
        + (needed - kept)
        + " more needed to fine-tune (fineTuneMinExamples="
        + needed
        + ")";
  }
}
