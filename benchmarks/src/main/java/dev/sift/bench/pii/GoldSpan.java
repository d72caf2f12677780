package dev.sift.bench.pii;

import dev.sift.schemas.EntityType;

/**
 * A planted value: the characters {@code [start, end)} of a message's content (Java string indices)
 * are {@code value}, of entity type {@code type}.
 */
public record GoldSpan(EntityType type, int start, int end, String value) {

  public GoldSpan {
    if (start < 0 || end - start != value.length()) {
      throw new IllegalArgumentException(
          "Span [" + start + ", " + end + ") does not hold '" + value + "'");
    }
  }

  public boolean overlaps(int otherStart, int otherEnd) {
    return start < otherEnd && otherStart < end;
  }
}
