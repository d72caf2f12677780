package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * IBANs, in capitals, compact or in groups of four, confirmed by Commons Validator (country length
 * and the mod-97 check). When a candidate runs on into a following word, shorter prefixes are
 * tried.
 */
final class IbanRecognizer implements Recognizer {
  private static final Pattern CANDIDATE =
      Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{1,4}){2,9}(?![A-Za-z0-9])");

  private final IBANValidator validator = IBANValidator.getInstance();

  @Override
  public void find(String text, List<Span> found) {
    Matcher matcher = CANDIDATE.matcher(text);
    int from = 0;
    while (from < text.length() && matcher.find(from)) {
      int end = validEnd(text, matcher.start(), matcher.end());
      if (end > 0) {
        found.add(new Span(matcher.start(), end, EntityType.IBAN));
        from = end;
      } else {
        from = matcher.start() + 1;
      }
    }
  }

  /** The end of the longest valid IBAN starting at {@code start} within the candidate, or -1. */
  private int validEnd(String text, int start, int end) {
    for (int cut = end; cut > start + 14; cut--) {
      if (cut < end && text.charAt(cut) != ' ') {
        continue;
      }
      String compact = text.substring(start, cut).replace(" ", "").toUpperCase(Locale.ROOT);
      if (validator.isValid(compact)) {
        return cut;
      }
    }
    return -1;
  }
}
