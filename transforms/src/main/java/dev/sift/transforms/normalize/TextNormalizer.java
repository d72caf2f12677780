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
    if (!mayNeedRewriting(normalized)) {
      return normalized.strip();
    }
    normalized = LINE_BREAKS.matcher(normalized).replaceAll("\n");
    normalized = INVISIBLE.matcher(normalized).replaceAll("");
    normalized = SPACES.matcher(normalized).replaceAll(" ");
    normalized = TRAILING_SPACES.matcher(normalized).replaceAll("");
    normalized = BLANK_LINES.matcher(normalized).replaceAll("\n\n");
    return normalized.strip();
  }

  /**
   * Whether one of the patterns could match: most texts are already in form, and one pass over
   * their characters is much cheaper than five regex searches that find nothing.
   */
  private static boolean mayNeedRewriting(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        if (i + 1 == n || text.charAt(i + 1) == '\n') {
          return true;
        }
      } else if (c == '\n') {
        if (i + 2 < n && text.charAt(i + 1) == '\n' && text.charAt(i + 2) == '\n') {
          return true;
        }
      } else if (c < 0x20 || c >= 0x7F && isOutOfForm(c)) {
        return true;
      }
    }
    return false;
  }

  /** A character outside ASCII's printable range that one of the patterns removes or rewrites. */
  private static boolean isOutOfForm(char c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> c >= '\u200B' && c <= '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    };
  }
}
