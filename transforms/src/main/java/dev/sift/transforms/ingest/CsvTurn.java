package dev.sift.transforms.ingest;

import com.google.auto.value.AutoValue;
import dev.sift.schemas.Reason;
import java.util.Map;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One CSV row on its way to being grouped with the other rows of its conversation. A row that could
 * be tied to a conversation but not read (unknown role, invalid UTF-8) carries its error, so that
 * the whole conversation is dead-lettered rather than silently losing a turn.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class CsvTurn {
  public abstract String getFile();

  public abstract long getLine();

  /** 1-based number of the data row (the header is not counted). */
  public abstract long getRow();

  public abstract String getConversationId();

  /** The order column's value, or null when the file has no order column. */
  public abstract @Nullable String getOrder();

  /** Canonical role; null when the row carries an error. */
  public abstract @Nullable String getRole();

  public abstract String getContent();

  public abstract @Nullable String getName();

  /** The row's other columns. */
  public abstract Map<String, String> getMetadata();

  public abstract String getRaw();

  /** A dead-letter reason code, or null for a good row. */
  public abstract @Nullable String getErrorReason();

  public abstract @Nullable String getErrorProblem();

  static CsvTurn create(
      String file,
      long line,
      long row,
      String conversationId,
      @Nullable String order,
      String role,
      String content,
      @Nullable String name,
      Map<String, String> metadata,
      String raw) {
    return new AutoValue_CsvTurn(
        file,
        line,
        row,
        conversationId,
        order,
        role,
        content,
        name,
        Map.copyOf(metadata),
        raw,
        null,
        null);
  }

  static CsvTurn failed(
      String file,
      long line,
      long row,
      String conversationId,
      String raw,
      Reason reason,
      String problem) {
    return new AutoValue_CsvTurn(
        file,
        line,
        row,
        conversationId,
        null,
        null,
        "",
        null,
        Map.of(),
        raw,
        reason.code(),
        problem);
  }
}
