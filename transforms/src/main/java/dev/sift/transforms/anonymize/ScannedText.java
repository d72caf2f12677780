package dev.sift.transforms.anonymize;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with the facts several recognizers ask of it, each worked out once: its lower-case form,
 * and where its runs of digits start. Recognizers of values that begin with a digit try their
 * pattern only at those starts instead of searching the whole text, which keeps them off the bulk
 * of prose. Not thread-safe; one per text.
 */
final class ScannedText {
  private final String value;
  private String lower;
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

  String lower() {
    if (lower == null) {
      lower = value.toLowerCase(Locale.ROOT);
    }
    return lower;
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

  /** The offsets where any of {@code words} occurs in the lower-case text, ascending. */
  int[] offsetsInLower(List<String> words) {
    String lower = lower();
    int[] offsets = new int[4];
    int n = 0;
    for (String word : words) {
      for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
        if (n == offsets.length) {
          offsets = Arrays.copyOf(offsets, n * 2);
        }
        offsets[n++] = at;
      }
    }
    int[] sorted = Arrays.copyOf(offsets, n);
    Arrays.sort(sorted);
    return sorted;
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

  /** Whether {@code text} contains one of {@code words}; a loop, as this runs on every text. */
  static boolean containsAny(String text, List<String> words) {
    for (String word : words) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
