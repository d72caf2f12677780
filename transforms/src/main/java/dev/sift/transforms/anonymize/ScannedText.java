package dev.sift.transforms.anonymize;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with the facts several recognizers ask of it, each worked out once, in one pass each:
 * where its runs of digits start, where the {@link Anchors} words occur, and its words. Recognizers
 * try their patterns only at those anchors (a digit run, a key prefix, a cue word) instead of
 * searching the whole text, which keeps them off the bulk of prose, and skip a text without any at
 * once. Not thread-safe; one per text.
 */
final class ScannedText {
  private static final int[] NONE = new int[0];

  private final String value;
  private Keywords.Hits hits;
  private int[] digitRunStarts;
  private PersonRecognizer.Words words;
  private char[] chars;

  ScannedText(String value) {
    this.value = value;
  }

  String value() {
    return value;
  }

  int length() {
    return value.length();
  }

  /** The characters, which loops over every one read faster than {@link String#charAt}. */
  char[] chars() {
    if (chars == null) {
      chars = value.toCharArray();
    }
    return chars;
  }

  /** Where the {@link Anchors} words occur. */
  private Keywords.Hits hits() {
    if (hits == null) {
      hits = Anchors.find(chars());
    }
    return hits;
  }

  /** Whether one of {@code words} occurs. */
  boolean contains(Anchors.Group words) {
    Keywords.Hits hits = hits();
    for (int id : words.ids()) {
      if (hits.contains(id)) {
        return true;
      }
    }
    return false;
  }

  /** The offsets where one of {@code words} occurs, ascending. */
  int[] offsets(Anchors.Group words) {
    Keywords.Hits hits = hits();
    int[] offsets = NONE;
    boolean merged = false;
    for (int id : words.ids()) {
      if (hits.contains(id)) {
        int[] more = hits.offsets(id);
        if (offsets.length == 0) {
          offsets = more;
        } else {
          int n = offsets.length;
          offsets = Arrays.copyOf(offsets, n + more.length);
          System.arraycopy(more, 0, offsets, n, more.length);
          merged = true;
        }
      }
    }
    if (merged) {
      Arrays.sort(offsets);
    }
    return offsets;
  }

  /** Whether one of {@code words} occurs whole within {@code [from, to)}. */
  boolean occursWithin(Anchors.Group words, int from, int to) {
    Keywords.Hits hits = hits();
    int[] ids = words.ids();
    for (int k = 0; k < ids.length; k++) {
      if (hits.contains(ids[k])) {
        for (int at : hits.offsets(ids[k])) {
          if (at >= from && at + words.lengths()[k] <= to) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The offsets of {@code c}, ascending. */
  int[] offsetsOf(char c) {
    int[] offsets = new int[4];
    int n = 0;
    for (int at = value.indexOf(c); at >= 0; at = value.indexOf(c, at + 1)) {
      if (n == offsets.length) {
        offsets = Arrays.copyOf(offsets, n * 2);
      }
      offsets[n++] = at;
    }
    return Arrays.copyOf(offsets, n);
  }

  /** The words, with what the name rules ask of each. */
  PersonRecognizer.Words words() {
    if (words == null) {
      words = new PersonRecognizer.Words(value, chars());
    }
    return words;
  }

  boolean hasDigit() {
    return digitRunStarts().length > 0;
  }

  /** The offsets of the digits that follow no digit, in text order. */
  int[] digitRunStarts() {
    if (digitRunStarts == null) {
      int[] starts = new int[8];
      int n = 0;
      boolean inRun = false;
      char[] chars = chars();
      for (int i = 0; i < chars.length; i++) {
        boolean digit = isDigit(chars[i]);
        if (digit && !inRun) {
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
          }
          starts[n++] = i;
        }
        inRun = digit;
      }
      digitRunStarts = Arrays.copyOf(starts, n);
    }
    return digitRunStarts;
  }

  /**
   * Each match of {@code pattern} that starts at most {@code lead} characters before a digit run,
   * earliest start first and not overlapping the matches taken, as {@link Matcher#find()} gives
   * them on a pattern whose matches all start there: {@code lead} covers what may come before the
   * first digit, such as {@code +(} of a phone number or the letters of an IBAN's country code. The
   * matcher has transparent bounds, so look-behinds see the text before the start. When {@code
   * onMatch} does not take a match, the search goes on inside it, as a candidate may start there.
   *
   * <p>{@code mayStart} is a cheap test of the characters at a start that every match the
   * recognizer takes passes (a match it would turn down may fail it, as long as no later start
   * inside that match could be taken either): the pattern is tried only where it passes, so most
   * digit runs (prices, dates, quantities) cost a few character reads, not a regex match.
   */
  void matchesNearDigits(
      Pattern pattern, int lead, StartTest mayStart, Predicate<Matcher> onMatch) {
    matchesNear(pattern, digitRunStarts(), lead, mayStart, onMatch);
  }

  /**
   * As {@link #matchesNearDigits}, for matches that start at most {@code lead} characters before
   * one of the {@code anchors} (ascending offsets).
   */
  void matchesNear(
      Pattern pattern, int[] anchors, int lead, StartTest mayStart, Predicate<Matcher> onMatch) {
    Matcher matcher = null;
    char[] chars = anchors.length == 0 ? null : chars();
    int next = 0;
    for (int anchor : anchors) {
      for (int start = Math.max(next, anchor - lead); start <= anchor; start++) {
        if (!mayStart.test(chars, start)) {
          continue;
        }
        if (matcher == null) {
          matcher = pattern.matcher(value).useTransparentBounds(true).useAnchoringBounds(false);
        }
        matcher.region(start, value.length());
        if (matcher.lookingAt()) {
          if (onMatch.test(matcher)) {
            next = Math.max(matcher.end(), start + 1);
            break;
          }
        }
      }
    }
  }

  /** A test of the characters at a place where a pattern might match. */
  @FunctionalInterface
  interface StartTest {
    StartTest ANYWHERE = (text, start) -> true;

    boolean test(char[] text, int start);
  }

  /** How many digits follow one another from {@code at}. */
  static int digitsAt(char[] text, int at) {
    int end = at;
    while (end < text.length && isDigit(text[end])) {
      end++;
    }
    return end - at;
  }

  static boolean isAt(char[] text, int at, char c) {
    return at >= 0 && at < text.length && text[at] == c;
  }

  static boolean isDigitAt(char[] text, int at) {
    return at >= 0 && at < text.length && isDigit(text[at]);
  }

  static boolean isCapitalAt(char[] text, int at) {
    return at >= 0 && at < text.length && text[at] >= 'A' && text[at] <= 'Z';
  }

  /** A white-space character as the regex class {@code \s} has it. */
  static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
