package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.Locale;
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
  public void find(ScannedText scanned, List<Span> found) {
    String text = scanned.value();
    // The check digits follow the two letters of the country code. An invalid candidate may hold
    // a valid IBAN further on ("AB12 DE89 3704 ..."), so the search goes on inside it.
    scanned.matchesNearDigits(
        CANDIDATE,
        2,
        (chars, start) ->
            ScannedText.isCapitalAt(chars, start)
                && ScannedText.isCapitalAt(chars, start + 1)
                && ScannedText.isDigitAt(chars, start + 2)
                && ScannedText.isDigitAt(chars, start + 3),
        matcher -> {
          int end = validEnd(text, matcher.start(), matcher.end());
          if (end < 0) {
            return false;
          }
          found.add(new Span(matcher.start(), end, EntityType.IBAN));
          return true;
        });
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
