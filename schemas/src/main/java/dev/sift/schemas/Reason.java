package dev.sift.schemas;

import java.util.Locale;

/**
 * Why a record did not become output. Dead-letter reasons mean the record could not be read or is
 * not a usable conversation; filter reasons mean it was read fine and deliberately left out. The
 * {@link #code()} is what dead-letter files, metrics and the report carry.
 */
public enum Reason {
  // Reading files.
  UNREADABLE_FILE(Kind.DEAD_LETTER, "the file could not be read (I/O error, corrupt gzip stream)"),
  UNKNOWN_FORMAT(Kind.DEAD_LETTER, "no supported format was recognised in the file"),
  INVALID_UTF8(Kind.DEAD_LETTER, "the record's bytes are not valid UTF-8"),
  RECORD_TOO_LARGE(Kind.DEAD_LETTER, "the record is longer than ingest.maxRecordBytes"),
  // Parsing records.
  INVALID_JSON(Kind.DEAD_LETTER, "the record is not valid JSON"),
  TRUNCATED_RECORD(Kind.DEAD_LETTER, "the JSON record ends before it is complete"),
  WRONG_FIELD_TYPE(Kind.DEAD_LETTER, "a field has the wrong JSON type"),
  MISSING_FIELD(Kind.DEAD_LETTER, "a required field is absent"),
  UNKNOWN_ROLE(Kind.DEAD_LETTER, "a turn's role or speaker maps to no canonical role"),
  UNSUPPORTED_CONTENT(
      Kind.DEAD_LETTER, "a turn holds content Sift cannot keep (tool calls, images)"),
  MISSING_SPEAKER(Kind.DEAD_LETTER, "a transcript block has text before its first speaker prefix"),
  CSV_MALFORMED_ROW(Kind.DEAD_LETTER, "a CSV row has the wrong number of fields or broken quoting"),
  CSV_MISSING_COLUMN(Kind.DEAD_LETTER, "the CSV header lacks a column the spec requires"),
  INVALID_TURN_ORDER(Kind.DEAD_LETTER, "a CSV turn index or timestamp cannot be read"),
  // Validating conversations.
  EMPTY_CONVERSATION(Kind.DEAD_LETTER, "the conversation has no turns"),
  EMPTY_MESSAGE(Kind.DEAD_LETTER, "a turn has no text once normalised"),
  NO_ASSISTANT_TURN(Kind.DEAD_LETTER, "the conversation has no assistant turn to learn from"),
  // Curating.
  EXACT_DUPLICATE(
      Kind.FILTERED, "same normalised content as the conversation kept for its duplicate cluster"),
  NEAR_DUPLICATE(
      Kind.FILTERED,
      "in a cluster of near duplicates (Jaccard >= dedup.threshold) whose kept conversation it is"
          + " not"),
  // Scoring quality (docs/quality-criteria.md); which of them filter is quality.filter.
  MALFORMED_ROLES(
      Kind.FILTERED,
      "turns do not alternate user/assistant after an optional leading system prompt, or the last"
          + " turn is not the assistant's"),
  WRONG_LANGUAGE(Kind.FILTERED, "detected language is not one of quality.languages"),
  TOO_SHORT(Kind.FILTERED, "fewer tokens in the non-system turns than quality.minTokens"),
  REPETITIVE(
      Kind.FILTERED, "a message repeats lines or n-grams beyond the Gopher repetition limits"),
  REFUSAL(Kind.FILTERED, "the assistant refuses or answers with assistant boilerplate only"),
  TRUNCATED(
      Kind.FILTERED, "the last assistant message stops mid-sentence or in an open code block"),
  OFF_TOPIC(
      Kind.FILTERED,
      "lexical relevance to the task's description, keywords and examples below"
          + " quality.minRelevance"),
  LOW_QUALITY(Kind.FILTERED, "per-conversation quality score below quality.minScore"),
  NOT_SELECTED(Kind.FILTERED, "a few-shot task's conversation that was not chosen for the bundle"),
  NO_ASSISTANT_MESSAGE(
      Kind.FILTERED, "a fine-tuning example without an assistant message to learn from"),
  UNSUPPORTED_ROLE(
      Kind.FILTERED,
      "a fine-tuning example with a tool turn, which the chat format cannot carry without its call"),
  MISSING_CONTENT(Kind.FILTERED, "a fine-tuning example with a blank message"),
  TOO_MANY_TOKENS(Kind.FILTERED, "a fine-tuning example longer than emit.maxExampleTokens"),
  LABEL_CAP(
      Kind.FILTERED,
      "beyond emit.labelCap: its label's share of the fine-tuning set is capped, by id hash");

  /** Where a record that is not output ends. */
  public enum Kind {
    DEAD_LETTER,
    FILTERED
  }

  private final Kind kind;
  private final String description;

  Reason(Kind kind, String description) {
    this.kind = kind;
    this.description = description;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reason whose {@link #code()} is {@code code}. */
  public static Reason fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  public Kind kind() {
    return kind;
  }

  public String description() {
    return description;
  }
}
