package dev.sift.schemas;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/**
 * A record that could not be read or used, with everything needed to find and fix it: where it came
 * from, the stage that rejected it, a reason code, a readable message and the raw text (cut to a
 * bound). The dead-letter counterpart of DataflowTemplates' {@code FailsafeElement}.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class DeadLetter implements Serializable {

  public abstract SourceRef getSource();

  /** The conversation's task once it is known; empty for a record that could not be parsed. */
  public abstract String getTask();

  /** The pipeline stage that rejected the record: {@code ingest}, {@code validate}, ... */
  public abstract String getStage();

  /** A dead-letter {@link Reason#code()}. */
  public abstract String getReason();

  /** {@code file:line: problem}, for a person. */
  public abstract String getMessage();

  /** The record as read, cut to {@code ingest.deadLetterRawChars}. */
  public abstract String getRaw();

  /** Whether {@link #raw()} was cut. */
  public abstract boolean isRawTruncated();

  public static DeadLetter create(
      SourceRef source,
      String task,
      String stage,
      Reason reason,
      String problem,
      String raw,
      int rawLimit) {
    if (reason.kind() != Reason.Kind.DEAD_LETTER) {
      throw new IllegalArgumentException(reason.code() + " is not a dead-letter reason");
    }
    boolean cut = raw.length() > rawLimit;
    String kept = cut ? raw.substring(0, cutPoint(raw, rawLimit)) : raw;
    return new AutoValue_DeadLetter(
        source, task, stage, reason.code(), source.location() + ": " + problem, kept, cut);
  }

  /**
   * The same dead letter with its message and raw text replaced, e.g. scrubbed of personal data.
   */
  public DeadLetter withText(String message, String raw) {
    return new AutoValue_DeadLetter(
        getSource(), getTask(), getStage(), getReason(), message, raw, isRawTruncated());
  }

  /** Never splits a surrogate pair, so the cut text is still valid UTF-16. */
  private static int cutPoint(String raw, int limit) {
    return Character.isHighSurrogate(raw.charAt(limit - 1)) ? limit - 1 : limit;
  }
}
