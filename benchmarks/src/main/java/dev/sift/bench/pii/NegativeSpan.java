package dev.sift.bench.pii;

/**
 * A planted hard negative: the characters {@code [start, end)} of a message's content are {@code
 * value}, which looks like personal data or a secret but is not, and must survive anonymisation.
 */
public record NegativeSpan(NegativeKind kind, int start, int end, String value) {

  public NegativeSpan {
    if (start < 0 || end - start != value.length()) {
      throw new IllegalArgumentException(
          "Span [" + start + ", " + end + ") does not hold '" + value + "'");
    }
  }

  public boolean overlaps(int otherStart, int otherEnd) {
    return start < otherEnd && otherStart < end;
  }
}
