package dev.sift.schemas;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One turn of a conversation: a canonical role, the text, and the speaker's name when known. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class Message implements Serializable {

  /**
   * One of {@link Role}'s canonical names: {@code system}, {@code user}, {@code assistant}, {@code
   * tool}.
   */
  public abstract String getRole();

  public abstract String getContent();

  /** The speaker's name as the source gave it ({@code Agent (Maria):}, OpenAI's {@code name}). */
  public abstract @Nullable String getName();

  public static Message of(Role role, String content) {
    return create(role.wireName(), content, null);
  }

  public static Message create(String role, String content, @Nullable String name) {
    return new AutoValue_Message(role, content, name);
  }
}
