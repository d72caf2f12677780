package dev.sift.transforms.emit;

import dev.sift.schemas.spec.TaskSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a task's data supports (docs/decide-and-emit.md): fine-tuning files when its kept
 * conversations reach {@code fineTuneMinExamples} and no quality criterion fails, both those and a
 * few-shot bundle when the spec asks for both, a few-shot bundle otherwise, nothing when none was
 * kept; with the reason in words, numbers and what is missing included.
 *
 * @param failing criteria that fail, as phrases ("relevant fails (0.41)")
 * @param warning criteria that warn, as phrases ("consistent warns (0.74): 1 conflicting pair")
 */
public record TaskDecision(
    String task,
    Kind kind,
    long kept,
    TaskSettings settings,
    List<String> failing,
    List<String> warning)
    implements Serializable {

  /** The decision's name in outputs and the report. */
  public enum Kind {
    FINE_TUNE("fine-tune"),
    FEW_SHOT("few-shot"),
    /** Fine-tuning files and a few-shot bundle drawn from the training split. */
    BOTH("both"),
    /** Nothing survived ingest, validation, deduplication and scoring. */
    NONE("none");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final String NO_CLEAN_EXAMPLES =
      "no clean examples: every record was dead-lettered or filtered";

  public TaskDecision {
    failing = List.copyOf(failing);
    warning = List.copyOf(warning);
  }

  /** The decision for {@code task} with {@code kept} conversations and its criteria's verdicts. */
  public static TaskDecision of(
      String task, long kept, TaskSettings settings, List<String> failing, List<String> warning) {
    Kind kind;
    if (kept == 0) {
      kind = Kind.NONE;
    } else if (kept >= settings.fineTuneMinExamples() && failing.isEmpty()) {
      kind = settings.wantsBoth() ? Kind.BOTH : Kind.FINE_TUNE;
    } else {
      kind = Kind.FEW_SHOT;
    }
    return new TaskDecision(task, kind, kept, settings, failing, warning);
  }

  public boolean fineTunes() {
    return kind == Kind.FINE_TUNE || kind == Kind.BOTH;
  }

  public boolean bundles() {
    return kind == Kind.FEW_SHOT || kind == Kind.BOTH;
  }

  /**
   * E.g. "37 clean examples; 163 more needed to fine-tune (fineTuneMinExamples=200); consistent
   * warns (0.74): 6 conflicting pairs".
   */
  public String why() {
    long needed = settings.fineTuneMinExamples();
    String clean = kept + " clean example" + (kept == 1 ? "" : "s");
    List<String> parts = new ArrayList<>();
    switch (kind) {
      case NONE -> parts.add(NO_CLEAN_EXAMPLES);
      case FINE_TUNE -> parts.add(clean + " reach fineTuneMinExamples=" + needed);
      case BOTH ->
          parts.add(
              clean
                  + " reach fineTuneMinExamples="
                  + needed
                  + "; the spec asks for a few-shot bundle as well (output: both)");
      case FEW_SHOT -> {
        if (kept < needed) {
          parts.add(
              String.format(
                  Locale.ROOT,
                  "%s; %d more needed to fine-tune (fineTuneMinExamples=%d)",
                  clean,
                  needed - kept,
                  needed));
        } else {
          parts.add(
              clean
                  + " reach fineTuneMinExamples="
                  + needed
                  + ", but fine-tuning waits until no criterion fails");
        }
      }
    }
    parts.addAll(failing);
    parts.addAll(warning);
    return String.join("; ", parts);
  }
}
