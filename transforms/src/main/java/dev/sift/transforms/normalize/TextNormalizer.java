package dev.sift.transforms.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The text form every later stage sees: Unicode NFC; line breaks as {@code \n}; zero-width and
 * control characters removed (tabs and newlines kept); every other kind of space as a plain space;
 * no trailing spaces on a line; at most one blank line in a row; no leading or trailing blank
 * space. Indentation inside a line is kept, so code blocks survive.
 */
public final class TextNormalizer {
  private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?|[\\u0085\\u2028\\u2029]");
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]|[\\p{Cc}&&[^\\n\\t]]");
  private static final Pattern SPACES = Pattern.compile("[\\p{Zs}&&[^ ]]");
  private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+(?=\\n|$)");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private TextNormalizer() {}

  public static String normalize(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
    normalized = LINE_BREAKS.matcher(normalized).replaceAll("\n");
    normalized = INVISIBLE.matcher(normalized).replaceAll("");
    normalized = SPACES.matcher(normalized).replaceAll(" ");
    normalized = TRAILING_SPACES.matcher(normalized).replaceAll("");
    normalized = BLANK_LINES.matcher(normalized).replaceAll("\n\n");
    return normalized.strip();
  }
}
