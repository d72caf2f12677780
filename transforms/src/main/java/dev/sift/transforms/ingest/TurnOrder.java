package dev.sift.transforms.ingest;

import dev.sift.schemas.Reason;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Orders the rows of a CSV conversation: by number when every order value is an integer, by time
 * when every one is an ISO-8601 timestamp (a space may stand for the {@code T}; a timestamp without
 * an offset is read as UTC), by file order when the file has no order column. Ties keep file order.
 */
final class TurnOrder {
  private TurnOrder() {}

  static List<CsvTurn> sort(List<CsvTurn> rows) throws RecordException {
    if (rows.stream().allMatch(row -> row.getOrder() == null)) {
      return rows;
    }
    if (rows.stream().allMatch(row -> isInteger(row.getOrder()))) {
      return sorted(rows, row -> Long.parseLong(row.getOrder().strip()));
    }
    if (rows.stream().allMatch(row -> parseTime(row.getOrder()) != null)) {
      return sorted(rows, row -> parseTime(row.getOrder()));
    }
    for (CsvTurn row : rows) {
      if (!isInteger(row.getOrder()) && parseTime(row.getOrder()) == null) {
        throw new RecordException(
            Reason.INVALID_TURN_ORDER,
            "order value '"
                + (row.getOrder() == null ? "" : row.getOrder())
                + "' on line "
                + row.getLine()
                + " is neither an integer nor an ISO-8601 timestamp");
      }
    }
    CsvTurn timestamp =
        rows.stream().filter(row -> !isInteger(row.getOrder())).findFirst().orElseThrow();
    throw new RecordException(
        Reason.INVALID_TURN_ORDER,
        "order values mix integers and timestamps ('"
            + timestamp.getOrder()
            + "' on line "
            + timestamp.getLine()
            + ")");
  }

  private static <K extends Comparable<K>> List<CsvTurn> sorted(
      List<CsvTurn> rows, Function<CsvTurn, K> key) {
    return rows.stream()
        .sorted(Comparator.comparing(key).thenComparingLong(CsvTurn::getRow))
        .collect(Collectors.toList());
  }

  private static boolean isInteger(String value) {
    return value != null && value.strip().matches("[+-]?\\d{1,18}");
  }

  private static OffsetDateTime parseTime(String value) {
    if (value == null) {
      return null;
    }
    String text = value.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              text, OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime offset
          ? offset
          : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
