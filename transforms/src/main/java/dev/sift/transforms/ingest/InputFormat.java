package dev.sift.transforms.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The input formats Sift reads; {@link #AUTO} detects the format of each file and record. */
public enum InputFormat {
  AUTO,
  /** OpenAI chat: {@code {"messages":[{"role":..,"content":..}]}}, as JSONL or a JSON array. */
  OPENAI,
  /** ShareGPT: {@code {"conversations":[{"from":..,"value":..}]}}, as a JSON array or JSONL. */
  SHAREGPT,
  /** Plain text with speaker prefixes ({@code User:}, {@code Agent (Maria):}, ...). */
  TRANSCRIPT,
  /** CSV with one row per turn, grouped into conversations by an id column. */
  CSV;

  /** The name used by {@code --format}, in records' {@code source.format} and in the report. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@code --format} value; the message lists the accepted ones. */
  public static InputFormat fromCode(String code) {
    for (InputFormat format : values()) {
      if (format.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "Unknown --format '"
            + code
            + "'; expected one of "
            + Arrays.stream(values()).map(InputFormat::code).collect(Collectors.joining(", ")));
  }
}
