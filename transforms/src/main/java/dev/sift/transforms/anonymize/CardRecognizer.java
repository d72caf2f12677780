package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.CreditCardValidator;

/**
 * Payment card numbers: a whole run of digits (spaces or dashes between groups allowed) of a card's
 * length, with a known issuer prefix and a valid Luhn check digit. A run longer than a card, such
 * as a parcel tracking number, is not cut into a card-sized piece.
 */
final class CardRecognizer implements Recognizer {
  private static final int MIN_DIGITS = 13;
  private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d)++(?!\\w)");

  private final CreditCardValidator validator =
      new CreditCardValidator(
          CreditCardValidator.AMEX
              + CreditCardValidator.VISA
              + CreditCardValidator.MASTERCARD
              + CreditCardValidator.DISCOVER
              + CreditCardValidator.DINERS
              + CreditCardValidator.VPAY);

  /**
   * Whether the digit run from {@code start} (one space or dash between digits allowed) holds at
   * least a card's 13 digits; a later start inside it holds fewer.
   */
  private static boolean hasCardDigits(char[] text, int start) {
    int digits = 0;
    int at = start;
    while (ScannedText.isDigitAt(text, at)) {
      digits++;
      at++;
      if ((ScannedText.isAt(text, at, ' ') || ScannedText.isAt(text, at, '-'))
          && ScannedText.isDigitAt(text, at + 1)) {
        at++;
      }
    }
    return digits >= MIN_DIGITS;
  }

  @Override
  public void find(ScannedText text, List<Span> found) {
    text.matchesNearDigits(
        DIGIT_RUN,
        0,
        CardRecognizer::hasCardDigits,
        matcher -> {
          String digits = Digits.only(matcher.group());
          if (digits.length() >= MIN_DIGITS && digits.length() <= 19 && validator.isValid(digits)) {
            found.add(new Span(matcher.start(), matcher.end(), EntityType.CREDIT_CARD));
          }
          return true;
        });
  }
}
