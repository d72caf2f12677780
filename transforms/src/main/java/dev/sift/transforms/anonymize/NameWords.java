package dev.sift.transforms.anonymize;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a name as the pattern {@code \p{L}[\p{L}\p{M}'’-]*} finds them: a letter, then
 * letters, marks, apostrophes and hyphens. A hand scan, as replacing and revealing names asks this
 * of every name found.
 */
final class NameWords {
  private NameWords() {}

  /** The words of {@code text}, in order. */
  static List<String> in(String text) {
    List<String> words = new ArrayList<>();
    for (int start = start(text, 0); start >= 0; ) {
      int end = end(text, start);
      words.add(text.substring(start, end));
      start = start(text, end);
    }
    return words;
  }

  /** Where the first word at or after {@code from} starts, or -1. */
  static int start(String text, int from) {
    int i = from;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (Character.isLetter(c)) {
        return i;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  /** Where the word starting at {@code start} ends. */
  static int end(String text, int start) {
    int i = start + Character.charCount(text.codePointAt(start));
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (!Character.isLetter(c) && !isMark(c) && c != '\'' && c != '’' && c != '-') {
        break;
      }
      i += Character.charCount(c);
    }
    return i;
  }

  static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }
}
