package dev.sift.schemas.spec;

import java.io.Serializable;
import java.util.Objects;

/**
 * Column names of CSV exports with one row per turn. Rows of one conversation may be spread over
 * the file; they are grouped by the id column and ordered by the order column. Every other column
 * becomes metadata of the conversation.
 *
 * @param conversationIdColumn required ({@code conversation_id})
 * @param orderColumn turn index or ISO-8601 timestamp ({@code turn_index}); when the header lacks
 *     it, rows keep their file order
 * @param roleColumn required ({@code role})
 * @param textColumn required ({@code text})
 * @param nameColumn optional speaker name ({@code speaker})
 * @param delimiter field separator, one character ({@code ,})
 */
public record CsvSpec(
    String conversationIdColumn,
    String orderColumn,
    String roleColumn,
    String textColumn,
    String nameColumn,
    String delimiter)
    implements Serializable {

  public CsvSpec {
    conversationIdColumn = Objects.requireNonNullElse(conversationIdColumn, "conversation_id");
    orderColumn = Objects.requireNonNullElse(orderColumn, "turn_index");
    roleColumn = Objects.requireNonNullElse(roleColumn, "role");
    textColumn = Objects.requireNonNullElse(textColumn, "text");
    nameColumn = Objects.requireNonNullElse(nameColumn, "speaker");
    delimiter = Objects.requireNonNullElse(delimiter, ",");
  }

  public static CsvSpec standard() {
    return new CsvSpec(null, null, null, null, null, null);
  }
}
