package dev.sift.transforms.quality;

import java.util.List;
import java.util.Locale;

/**
 * Signals read off the text of single messages by a scan: the share of symbols, an answer cut off,
 * a refusal, assistant boilerplate. Heuristics, documented in docs/quality-criteria.md.
 */
final class TextSignals {
  /** Characters that are neither letters, digits, white space nor this ordinary punctuation. */
  private static final String PUNCTUATION = ".,;:!?'\"()-/%$€£@&+";

  private static final List<String> REFUSALS =
      List.of(
          "i'm sorry, but i can't",
          "i'm sorry, but i cannot",
          "i am sorry, but i cannot",
          "i can't help with that",
          "i cannot help with that",
          "i can't assist with",
          "i cannot assist with",
          "i'm unable to help",
          "i am unable to help",
          "i'm not able to help",
          "i am not able to help",
          "i cannot fulfill",
          "i can't fulfill",
          "i must decline",
          "i cannot provide",
          "i can't provide");

  private static final List<String> BOILERPLATE =
      List.of(
          "as an ai language model",
          "as an ai assistant",
          "as an ai, i",
          "i'm an ai",
          "i am an ai",
          "my knowledge cutoff",
          "my training data",
          "i don't have personal opinions",
          "i do not have personal opinions");

  /** A refusal is a short answer: longer ones that mention a limit still help. */
  static final int REFUSAL_MAX_WORDS = 60;

  private TextSignals() {}

  /** Symbols over non-space characters; 0 for an empty text. */
  static double symbolRatio(String text) {
    int[] counts = symbolCounts(text);
    return counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
  }

  /** {@code {symbols, non-space characters}} of {@code text}. */
  static int[] symbolCounts(String text) {
    int symbols = 0;
    int visible = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      visible++;
      if (!Character.isLetterOrDigit(c) && PUNCTUATION.indexOf(c) < 0) {
        symbols++;
      }
    }
    return new int[] {symbols, visible};
  }

  /**
   * An answer cut off: an unclosed code fence, or a last line of six or more words (not a sign-off
   * or a list item) that ends in a letter, a digit or {@code , ; : - (}.
   */
  static boolean truncated(String text) {
    int fences = 0;
    for (int at = text.indexOf("```"); at >= 0; at = text.indexOf("```", at + 3)) {
      fences++;
    }
    if (fences % 2 == 1) {
      return true;
    }
    String trimmed = text.stripTrailing();
    if (trimmed.isEmpty()) {
      return false;
    }
    char last = trimmed.charAt(trimmed.length() - 1);
    if (!Character.isLetterOrDigit(last) && ",;:-(".indexOf(last) < 0) {
      return false;
    }
    String lastLine = trimmed.substring(trimmed.lastIndexOf('\n') + 1).strip();
    if (lastLine.startsWith("-") || lastLine.startsWith("*") || startsWithNumber(lastLine)) {
      return false;
    }
    return Words.of(lastLine).count >= 6;
  }

  private static boolean startsWithNumber(String line) {
    int i = 0;
    while (i < line.length() && Character.isDigit(line.charAt(i))) {
      i++;
    }
    return i > 0 && i < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ')');
  }

  /** A short answer saying it cannot or will not help. */
  static boolean refusal(String answer, int words) {
    return words <= REFUSAL_MAX_WORDS && containsAny(lower(answer), REFUSALS);
  }

  /** Phrases of a model talking about itself rather than the task. */
  static boolean boilerplate(String answer) {
    return containsAny(lower(answer), BOILERPLATE);
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }

  private static boolean containsAny(String text, List<String> phrases) {
    for (String phrase : phrases) {
      if (text.contains(phrase)) {
        return true;
      }
    }
    return false;
  }
}
