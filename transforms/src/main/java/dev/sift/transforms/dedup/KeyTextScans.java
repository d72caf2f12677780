package dev.sift.transforms.dedup;

/**
 * The two rewrites of {@link KeyText} that touch every text, as single passes over its characters
 * instead of regex replacements, which searched each text from every position and were most of the
 * cost of deduplication's key text. Each is defined by the regex it stands for (see the javadocs),
 * and {@code KeyTextScansTest} holds them to it on random texts, code points outside the Basic
 * Multilingual Plane included.
 */
final class KeyTextScans {
  private static final int LETTER =
      1 << Character.UPPERCASE_LETTER
          | 1 << Character.LOWERCASE_LETTER
          | 1 << Character.TITLECASE_LETTER
          | 1 << Character.MODIFIER_LETTER
          | 1 << Character.OTHER_LETTER;
  private static final int NUMBER =
      1 << Character.DECIMAL_DIGIT_NUMBER
          | 1 << Character.LETTER_NUMBER
          | 1 << Character.OTHER_NUMBER;
  private static final int MARK =
      1 << Character.NON_SPACING_MARK
          | 1 << Character.ENCLOSING_MARK
          | 1 << Character.COMBINING_SPACING_MARK;

  /** How far back a name's cue may start: one character and at most three blanks. */
  private static final int MAX_LOOK_BEHIND = 4;

  private KeyTextScans() {}

  /**
   * {@code text} with {@code <name>} for each capitalised word inside a sentence: the regex {@code
   * (?=\p{Lu}\p{Ll})(?<=[\p{L}\p{N},)'"’][ \t]{1,3})\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*}, replaced.
   */
  static String maskNamesInsideSentences(String text) {
    StringBuilder out = null;
    int copied = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      int first = text.codePointAt(i);
      int second = i + Character.charCount(first);
      if (is(first, 1 << Character.UPPERCASE_LETTER)
          && second < n
          && is(text.codePointAt(second), 1 << Character.LOWERCASE_LETTER)
          && followsWordOnSameLine(text, i)) {
        int end = second + Character.charCount(text.codePointAt(second));
        while (end < n && isNamePart(text.codePointAt(end))) {
          end += Character.charCount(text.codePointAt(end));
        }
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(text, copied, i).append("<name>");
        copied = end;
        i = end;
      } else {
        i = second;
      }
    }
    return out == null ? text : out.append(text, copied, n).toString();
  }

  /**
   * The look-behind {@code (?<=[\p{L}\p{N},)'"’][ \t]{1,3})} at {@code at}: one to three blanks,
   * after a letter, digit, comma, bracket or quote that starts at most {@value #MAX_LOOK_BEHIND}
   * characters back (the regex measures its look-behind in characters, so a supplementary letter
   * leaves room for two blanks only).
   */
  private static boolean followsWordOnSameLine(String text, int at) {
    int blanks = 0;
    while (blanks < MAX_LOOK_BEHIND && at - blanks > 0 && isBlank(text.charAt(at - blanks - 1))) {
      blanks++;
    }
    int after = at - blanks;
    if (blanks == 0 || blanks >= MAX_LOOK_BEHIND || after == 0) {
      return false;
    }
    int cue = text.codePointBefore(after);
    return after - Character.charCount(cue) >= at - MAX_LOOK_BEHIND
        && (is(cue, LETTER | NUMBER) || ",)'\"’".indexOf(cue) >= 0);
  }

  private static boolean isNamePart(int c) {
    return is(c, LETTER | MARK) || c == '\'' || c == '’' || c == '-';
  }

  /**
   * {@code text} with every run of white space ({@code \s}: space, tab, line breaks, vertical tab,
   * form feed) as one space, stripped, and with {@code maskNumbers} every number ({@code
   * \p{N}+(?:[.,:/-]\p{N}+)*}) as {@code 0}.
   */
  static String squeeze(String text, boolean maskNumbers) {
    int n = text.length();
    StringBuilder out = new StringBuilder(n);
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        out.append(' ');
        while (i < n && isSpace(text.charAt(i))) {
          i++;
        }
      } else if (maskNumbers && is(text.codePointAt(i), NUMBER)) {
        out.append('0');
        i = numberEnd(text, i);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString().strip();
  }

  private static int numberEnd(String text, int start) {
    int i = digitsEnd(text, start);
    while (i + 1 < text.length()
        && ".,:/-".indexOf(text.charAt(i)) >= 0
        && is(text.codePointAt(i + 1), NUMBER)) {
      i = digitsEnd(text, i + 1);
    }
    return i;
  }

  private static int digitsEnd(String text, int i) {
    while (i < text.length() && is(text.codePointAt(i), NUMBER)) {
      i += Character.charCount(text.codePointAt(i));
    }
    return i;
  }

  private static boolean is(int codePoint, int categories) {
    return (categories & 1 << Character.getType(codePoint)) != 0;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
