package dev.sift.transforms.anonymize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers, found by libphonenumber's matcher ({@code Leniency.VALID}: a number valid for its
 * region, not a date or a time stamp) in the spec's regions, and in every region when written with
 * a leading {@code +}. The matcher runs only on short runs of digits and separators, which keeps it
 * off the bulk of the text. North American numbers in the usual {@code (415) 555-0123} layout count
 * even when the exchange is one libphonenumber does not list, such as the fictional 555.
 */
final class PhoneRecognizer implements Recognizer {
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\w+\\-/#.])\\+?\\(?\\d(?:[\\d().\\-/]|[ \\u00A0](?=[\\d(]))*(?<![(.\\-/])");
  private static final Pattern NANP_LAYOUT =
      Pattern.compile("(?:\\+?1[ .-]?)?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .-])\\d{3}[ .-]\\d{4}");

  /** Dates and times that a digit run may be, which libphonenumber's own matcher also skips. */
  private static final Pattern DATE_OR_TIME =
      Pattern.compile(
          "^\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|^\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}$|\\d:\\d\\d");

  private static final int MIN_DIGITS = 7;
  private static final int MAX_DIGITS = 15;

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final List<String> regions;

  PhoneRecognizer(List<String> regions) {
    this.regions = List.copyOf(regions);
  }

  @Override
  public void find(String text, List<Span> found) {
    Matcher candidates = CANDIDATE.matcher(text);
    while (candidates.find()) {
      int digits = Digits.count(candidates.group());
      if (digits < MIN_DIGITS
          || digits > MAX_DIGITS + 4
          || followedByWord(text, candidates.end())) {
        continue;
      }
      findIn(candidates.group(), candidates.start(), found);
    }
  }

  private void findIn(String candidate, int offset, List<Span> found) {
    if (NANP_LAYOUT.matcher(candidate).matches()) {
      found.add(new Span(offset, offset + candidate.length(), EntityType.PHONE));
      return;
    }
    if (DATE_OR_TIME.matcher(candidate).find()) {
      return;
    }
    // Parsing a candidate whole is cheap and rules out most; the matcher, which also checks that
    // a national number carries its national prefix where the region needs one, confirms the rest.
    // A run too long for one number may be two in a row: the matcher finds each.
    boolean tooLong = Digits.count(candidate) > MAX_DIGITS;
    List<String> tried = candidate.startsWith("+") ? List.of("ZZ") : regions;
    for (String region : tried) {
      if (!tooLong && !isValid(candidate, region)) {
        continue;
      }
      boolean any = false;
      for (PhoneNumberMatch match :
          util.findNumbers(candidate, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
        found.add(new Span(offset + match.start(), offset + match.end(), EntityType.PHONE));
        any = true;
      }
      if (any) {
        return;
      }
    }
  }

  private boolean isValid(String candidate, String region) {
    try {
      return util.isValidNumber(util.parse(candidate, region));
    } catch (NumberParseException notANumber) {
      return false;
    }
  }

  /** A digit run glued to letters ({@code 1Z999AA1...}, {@code 42kg}) is a code, not a phone. */
  private static boolean followedByWord(String text, int end) {
    return end < text.length() && Character.isLetter(text.charAt(end));
  }
}
