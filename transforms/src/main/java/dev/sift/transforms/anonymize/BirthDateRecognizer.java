package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates introduced as a date of birth ("date of birth is 14/03/1987", "DOB: 1990-07-21", "born on
 * March 3, 1985"). Other dates (orders, deliveries, time stamps) are left alone.
 */
final class BirthDateRecognizer implements Recognizer {
  static final String MONTH =
      "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  private static final String DATE =
      "(?:\\d{4}-\\d{1,2}-\\d{1,2}"
          + "|\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})"
          + "|"
          + MONTH
          + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
          + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
          + MONTH
          + ",?\\s+\\d{4})";
  private static final Pattern INTRODUCED =
      Pattern.compile(
          "(?i)\\b(?:date\\s+of\\s+birth|birth\\s*date|birthday|d\\.?o\\.?b\\.?|born(?:\\s+on)?)"
              + "\\b[^\\n\\d]{0,20}?("
              + DATE
              + ")(?![\\d/.-]\\d)");

  private static final Anchors.Group CUES = Anchors.ignoringCase(Anchors.BIRTH_WORDS);

  @Override
  public void find(ScannedText text, List<Span> found) {
    if (!text.contains(CUES)) {
      return;
    }
    Matcher matcher = INTRODUCED.matcher(text.value());
    while (matcher.find()) {
      found.add(new Span(matcher.start(1), matcher.end(1), EntityType.DATE_OF_BIRTH));
    }
  }
}
