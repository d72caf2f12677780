package dev.sift.bench.pii;

import dev.sift.schemas.EntityType;
import java.util.ArrayList;
import java.util.List;

/** Builds a message's text and records, as it goes, where each planted value lies. */
final class LabelledText {
  private final StringBuilder text = new StringBuilder();
  private final List<GoldSpan> spans = new ArrayList<>();
  private final List<NegativeSpan> negatives = new ArrayList<>();
  private int paragraphStart;

  LabelledText say(String plain) {
    text.append(plain);
    return this;
  }

  LabelledText pii(EntityType type, String value) {
    int start = text.length();
    text.append(value);
    spans.add(new GoldSpan(type, start, text.length(), value));
    return this;
  }

  LabelledText negative(NegativeKind kind, String value) {
    int start = text.length();
    text.append(value);
    negatives.add(new NegativeSpan(kind, start, text.length(), value));
    return this;
  }

  boolean isEmpty() {
    return text.length() == 0;
  }

  /**
   * Starts the next sentence: on the same line after a finished one-line sentence, else (after a
   * list, a pasted block, a line without final punctuation) in a new paragraph.
   */
  LabelledText next() {
    if (isEmpty()) {
      return this;
    }
    char last = text.charAt(text.length() - 1);
    boolean finished = ".!?".indexOf(last) >= 0 && text.indexOf("\n", paragraphStart) < 0;
    return finished ? say(" ") : paragraph();
  }

  /** Starts a new paragraph. */
  LabelledText paragraph() {
    if (!isEmpty()) {
      text.append("\n\n");
      paragraphStart = text.length();
    }
    return this;
  }

  EvalMessage toMessage(String role) {
    return new EvalMessage(role, text.toString(), spans, negatives);
  }
}
