package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US Social Security numbers that follow the SSA's rules (area not 000, 666 or 9xx; group not 00;
 * serial not 0000): written {@code 123-45-6789} or {@code 123 45 6789}, or as nine bare digits when
 * "SSN" or "social security" comes just before.
 */
final class SsnRecognizer implements Recognizer {
  private static final Pattern SEPARATED =
      Pattern.compile("(?<![\\w-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\w-]|-\\d)");
  private static final Pattern BARE =
      Pattern.compile(
          "(?i)\\b(?:ssn|social security(?: number| no\\.?| #)?)\\b\\W{0,20}?(?:is\\s+)?"
              + "(?<![\\d-])(\\d{3})(\\d{2})(\\d{4})(?![\\w-])");

  private static final Anchors.Group CUES = Anchors.ignoringCase(Anchors.SSN_WORDS);

  @Override
  public void find(ScannedText text, List<Span> found) {
    text.matchesNearDigits(
        SEPARATED,
        0,
        SsnRecognizer::separatedAt,
        separated -> {
          if (valid(separated.group(1), separated.group(3), separated.group(4))) {
            found.add(new Span(separated.start(), separated.end(), EntityType.US_SSN));
          }
          return true;
        });
    if (!text.contains(CUES)) {
      return;
    }
    Matcher bare = BARE.matcher(text.value());
    while (bare.find()) {
      if (valid(bare.group(1), bare.group(2), bare.group(3))) {
        found.add(new Span(bare.start(1), bare.end(3), EntityType.US_SSN));
      }
    }
  }

  /**
   * {@code 123-45-6789} or {@code 123 45 6789} at {@code start}: the pattern's core, read cheaply.
   */
  private static boolean separatedAt(char[] text, int start) {
    if (start + 11 > text.length) {
      return false;
    }
    char separator = text[start + 3];
    return (separator == '-' || separator == ' ')
        && text[start + 6] == separator
        && ScannedText.digitsAt(text, start) == 3
        && ScannedText.digitsAt(text, start + 4) == 2
        && ScannedText.digitsAt(text, start + 7) >= 4;
  }

  static boolean valid(String area, String group, String serial) {
    return !area.equals("000")
        && !area.equals("666")
        && area.charAt(0) != '9'
        && !group.equals("00")
        && !serial.equals("0000");
  }
}
