package dev.sift.schemas.spec;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How plain-text transcripts are split into conversations and turns.
 *
 * @param delimiter what separates conversations in a file: {@code blank-line} (one or more empty
 *     lines), {@code none} (one conversation per file), or any other text, which is matched as a
 *     whole line such as {@code ---} (the default) or {@code ###}
 * @param speakers speaker prefix to canonical role, e.g. {@code {Customer: user, Agent:
 *     assistant}}; replaces the default set when given. Prefixes match case-insensitively
 */
public record TranscriptSpec(String delimiter, Map<String, String> speakers)
    implements Serializable {

  public static final String BLANK_LINE = "blank-line";
  public static final String NONE = "none";

  public static final Map<String, String> DEFAULT_SPEAKERS = defaultSpeakers();

  public TranscriptSpec {
    delimiter = Objects.requireNonNullElse(delimiter, "---");
    speakers = speakers == null ? DEFAULT_SPEAKERS : Map.copyOf(speakers);
  }

  public static TranscriptSpec standard() {
    return new TranscriptSpec(null, null);
  }

  private static Map<String, String> defaultSpeakers() {
    Map<String, String> speakers = new LinkedHashMap<>();
    speakers.put("System", "system");
    speakers.put("User", "user");
    speakers.put("Human", "user");
    speakers.put("Customer", "user");
    speakers.put("Assistant", "assistant");
    speakers.put("AI", "assistant");
    speakers.put("Agent", "assistant");
    speakers.put("Bot", "assistant");
    speakers.put("Tool", "tool");
    return Map.copyOf(speakers);
  }
}
