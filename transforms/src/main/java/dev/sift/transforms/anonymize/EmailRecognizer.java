package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;

/** E-mail addresses: a permissive pattern finds candidates, Commons Validator confirms them. */
final class EmailRecognizer implements Recognizer {
  private static final int MAX_LOCAL_PART = 64;

  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\w.%+-])[\\w.%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
              + "[A-Za-z]{2,24}(?![\\w-])",
          Pattern.UNICODE_CHARACTER_CLASS);

  private final EmailValidator validator = EmailValidator.getInstance(false, false);

  @Override
  public void find(ScannedText scanned, List<Span> found) {
    String text = scanned.value();
    if (text.indexOf('@') < 0) {
      return;
    }
    // A candidate's local part runs from where the pattern's look-behind lets it start up to the
    // @, so the pattern is tried once per @, at that start, instead of searched for.
    Matcher matcher = CANDIDATE.matcher(text).useTransparentBounds(true);
    int searched = 0;
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      int start = candidateStart(text, at, Math.max(searched, at - MAX_LOCAL_PART));
      if (start < 0) {
        continue;
      }
      matcher.region(start, Math.min(text.length(), at + 256));
      if (matcher.lookingAt()) {
        if (validator.isValid(matcher.group())) {
          found.add(new Span(matcher.start(), matcher.end(), EntityType.EMAIL));
        }
        searched = matcher.end();
      }
    }
  }

  /**
   * The leftmost place at or after {@code from} where {@link #CANDIDATE} may start a match whose @
   * is at {@code at}, or -1: its local part ({@code [\w.%+-]}, {@code \w} as {@link
   * Pattern#UNICODE_CHARACTER_CLASS} has it) must reach the @, and its look-behind, which reads the
   * one character before, must not see a local-part character. That is where the run of them
   * starts, or right after a supplementary character inside the run: the look-behind sees only its
   * low surrogate.
   */
  static int candidateStart(String text, int at, int from) {
    int start = -1;
    for (int q = at; q >= from; ) {
      boolean runStart = q == 0 || !isLocalPartCharacter(text.codePointBefore(q));
      if (q < at && (runStart || Character.isLowSurrogate(text.charAt(q - 1)))) {
        start = q;
      }
      if (runStart) {
        break;
      }
      q -= Character.charCount(text.codePointBefore(q));
    }
    return start;
  }

  private static boolean isLocalPartCharacter(int c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "_.%+-".indexOf(c) >= 0;
    }
    int type = Character.getType(c);
    return Character.isAlphabetic(c)
        || Character.isDigit(c)
        || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.CONNECTOR_PUNCTUATION
        || c == '\u200C'
        || c == '\u200D';
  }
}
