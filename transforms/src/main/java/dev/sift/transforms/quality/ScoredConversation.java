package dev.sift.transforms.quality;

import com.google.auto.value.AutoValue;
import dev.sift.schemas.Conversation;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/** A kept conversation with its quality signals. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class ScoredConversation implements Serializable {
  public abstract Conversation getConversation();

  public abstract QualitySignals getSignals();

  public static ScoredConversation create(Conversation conversation, QualitySignals signals) {
    return new AutoValue_ScoredConversation(conversation, signals);
  }
}
