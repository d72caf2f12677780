package dev.sift.schemas;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/**
 * A readable conversation that was deliberately left out of the outputs, and why. It carries no
 * message text: the id and source are enough to find it, and nothing private is copied again.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class Filtered implements Serializable {

  public abstract String getId();

  public abstract String getTask();

  public abstract SourceRef getSource();

  /** The pipeline stage that filtered the record: {@code dedup}, {@code emit}, ... */
  public abstract String getStage();

  /** A filter {@link Reason#code()}. */
  public abstract String getReason();

  /** Reason-specific detail, e.g. the id of the kept duplicate; empty when there is none. */
  public abstract String getDetail();

  public static Filtered of(Conversation conversation, String stage, Reason reason, String detail) {
    if (reason.kind() != Reason.Kind.FILTERED) {
      throw new IllegalArgumentException(reason.code() + " is not a filter reason");
    }
    return new AutoValue_Filtered(
        conversation.getId(),
        conversation.getTask(),
        conversation.getSource(),
        stage,
        reason.code(),
        detail);
  }
}
