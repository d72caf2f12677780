package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;

/** E-mail addresses: a permissive pattern finds candidates, Commons Validator confirms them. */
final class EmailRecognizer implements Recognizer {
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
    // The pattern runs only around each @, not over the whole text.
    Matcher matcher = CANDIDATE.matcher(text).useTransparentBounds(true);
    int searched = 0;
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      int from = Math.max(searched, at - 64);
      matcher.region(from, Math.min(text.length(), at + 256));
      if (matcher.find() && matcher.start() <= at) {
        if (validator.isValid(matcher.group())) {
          found.add(new Span(matcher.start(), matcher.end(), EntityType.EMAIL));
        }
        searched = matcher.end();
      }
    }
  }
}
