package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;

/** A detected value: the characters {@code [start, end)} of a text, and what they are. */
public record Span(int start, int end, EntityType type) {

  public Span {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("Bad span [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }

  public boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }

  public String in(String text) {
    return text.substring(start, end);
  }
}
