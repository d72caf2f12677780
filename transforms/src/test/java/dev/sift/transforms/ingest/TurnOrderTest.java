package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sift.schemas.Reason;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TurnOrderTest {

  @Test
  void ordersByNumberNotByText() throws RecordException {
    assertEquals(
        List.of(1L, 3L, 2L),
        rows(TurnOrder.sort(List.of(turn(1, "2"), turn(2, "10"), turn(3, "9")))));
  }

  @Test
  void ordersTimestampsByInstantWithOrWithoutOffsets() throws RecordException {
    List<CsvTurn> turns =
        List.of(
            turn(1, "2026-03-01T10:05:00+01:00"),
            turn(2, "2026-03-01 08:30:00"),
            turn(3, "2026-03-01T09:00:00Z"));
    assertEquals(List.of(2L, 3L, 1L), rows(TurnOrder.sort(turns)), "08:30Z, 09:00Z, 09:05Z");
  }

  @Test
  void rejectsAMixOfNumbersAndTimestamps() {
    RecordException error =
        assertThrows(
            RecordException.class,
            () -> TurnOrder.sort(List.of(turn(1, "1"), turn(2, "2026-03-01T09:00:00Z"))));
    assertEquals(
        "order values mix integers and timestamps ('2026-03-01T09:00:00Z' on line 3)",
        error.problem());
  }

  @Test
  void keepsFileOrderWithoutAnOrderColumnAndOnTies() throws RecordException {
    assertEquals(List.of(1L, 2L), rows(TurnOrder.sort(List.of(turn(1, null), turn(2, null)))));
    assertEquals(List.of(1L, 2L), rows(TurnOrder.sort(List.of(turn(1, "4"), turn(2, "4")))));
  }

  @Test
  void rejectsAValueThatIsNeitherNumberNorTimestamp() {
    RecordException error =
        assertThrows(
            RecordException.class, () -> TurnOrder.sort(List.of(turn(1, "1"), turn(2, "later"))));
    assertEquals(Reason.INVALID_TURN_ORDER, error.reason());
    assertEquals(
        "order value 'later' on line 3 is neither an integer nor an ISO-8601 timestamp",
        error.problem());
  }

  private static CsvTurn turn(long row, String order) {
    return CsvTurn.create(
        "f.csv", row + 1, row, "C1", order, "user", "text " + row, null, Map.of(), "raw");
  }

  private static List<Long> rows(List<CsvTurn> turns) {
    return turns.stream().map(CsvTurn::getRow).collect(Collectors.toList());
  }
}
