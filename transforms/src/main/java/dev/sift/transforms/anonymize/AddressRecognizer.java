package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses in the layouts support chats carry: English-style ({@code 221B Baker Street,
 * London NW1 6XE}; {@code Apt 4B, 350 Fifth Avenue, New York, NY 10118}; {@code 41 Hay Road, Surry
 * Hills NSW 2010}; {@code Flat 12, Lotus Residency, 9th Cross Road, Salt Lake, Kolkata 700091}),
 * French-style ({@code 12 rue de Rivoli, 75001 Paris}), German-style ({@code Hauptstraße 5, 10115
 * Berlin}; {@code Am Markt 3, 50667 Köln}), Dutch-style ({@code Keizersgracht 127, 1017 JW
 * Amsterdam}) and post-office boxes. A house number and a street-type word are both required, so "3
 * Day Shipping" is not one; a street without a type word ("Am Markt 3") only with its postcode. The
 * town and postcode count on the same line after a comma, or on the next line; a street's name and
 * its house number are on one line.
 */
final class AddressRecognizer implements Recognizer {
  private static final String WORD = "[\\p{Lu}][\\p{L}'’.-]*";
  private static final String UNIT =
      "(?:(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|#)\\.?\\s*#?[A-Za-z0-9-]{1,6})";
  private static final String STREET_TYPE =
      "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl"
          + "|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Close|Crescent|Cres"
          + "|Gardens|Grove|Row|Mews|Walk|Trail|Plaza|Alley|Broadway|Embankment|Parade|Hill)\\b\\.?";

  /** A state and ZIP (US), a state and postcode (Australia), a postcode (UK), a PIN (India). */
  private static final String POSTAL =
      "(?:[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?"
          + "|(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\\s+\\d{4}"
          + "|[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}"
          + "|\\d{6})\\b";

  private static final String CITY_WORD = "[\\p{Lu}][\\p{Ll}][\\p{L}'’.-]*";
  private static final String CITY = CITY_WORD + "(?:[ \\t]+" + CITY_WORD + "){0,2}";

  /** What joins a street to its town or postcode: a comma, a line break, or both. */
  private static final String NEXT_PART = "(?:,\\s*|[ \\t]*\\n\\s*)";

  /**
   * A town (and its district, when a postcode follows) after a comma, maybe with its postcode; a
   * town on the next line only with its postcode; or the postcode alone.
   */
  private static final String TAIL =
      "(?:,?\\s+"
          + UNIT
          + ")?(?:,\\s*"
          + CITY
          + "(?:,\\s*"
          + CITY
          + "(?=,?\\s+"
          + POSTAL
          + "))?(?:,?\\s+"
          + POSTAL
          + ")?|[ \\t]*\\n\\s*"
          + CITY
          + "(?:,\\s*"
          + CITY
          + ")?,?\\s+"
          + POSTAL
          + "|,?\\s+"
          + POSTAL
          + ")?";

  /**
   * A unit written before the street ("Apt 4B, 350 Fifth Avenue"), maybe with its building's name
   * ("Flat 12, Lotus Residency, 9th Cross Road"): looked for behind a match.
   */
  private static final Pattern UNIT_BEFORE =
      Pattern.compile(UNIT + "(?:,?\\s+" + WORD + "(?:[ \\t]+" + WORD + "){0,2})?,?\\s+$");

  /** How far behind a match {@link #UNIT_BEFORE} is looked for. */
  private static final int UNIT_BEFORE_REACH = 64;

  /**
   * A house number and up to three words before the type; or an ordinal and one to three words, as
   * Indian streets are named ("9th Cross Road", "12th Main Road"), so "1st Place" is not one.
   */
  private static final Pattern ENGLISH =
      Pattern.compile(
          "\\b(?:\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?\\h+(?:"
              + WORD
              + "\\h+){0,3}|\\d{1,3}(?:st|nd|rd|th)\\h+(?:"
              + WORD
              + "\\h+){1,3})"
              + STREET_TYPE
              + TAIL);

  /** A five-digit postcode and the town after it, on the same line after a comma or the next. */
  private static final String POSTCODE_TOWN = "(?:" + NEXT_PART + "\\d{5}\\s+" + WORD + ")";

  private static final Pattern FRENCH =
      Pattern.compile(
          "\\b\\d{1,4}(?:\\h?(?:bis|ter))?,?\\h+(?i:rue|avenue|av\\.|boulevard|bd|place|chemin"
              + "|allée|impasse|quai|cours)\\h+(?:(?i:de la|de l'|du|des|de|d'|l'|la|le)\\h*)?"
              + WORD
              + "(?:\\h+"
              + WORD
              + "){0,3}"
              + POSTCODE_TOWN
              + "?");

  /** Group 1: the street, which must be no English word ("String 1", "During 2020"). */
  private static final Pattern GERMAN =
      Pattern.compile(
          "\\b([\\p{Lu}][\\p{L}-]*(?:straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer))"
              + "\\h+\\d{1,4}[a-z]?\\b"
              + POSTCODE_TOWN
              + "?");

  /** German streets named with a preposition and no type word ("Am Markt", "Unter den Linden"). */
  private static final Pattern GERMAN_PREPOSITIONAL =
      Pattern.compile(
          "\\b(?:Am|An der|An den|Auf der|Im|In der|Unter den|Zum|Zur)\\h+"
              + WORD
              + "\\h+\\d{1,4}[a-z]?"
              + POSTCODE_TOWN);

  private static final Pattern DUTCH =
      Pattern.compile(
          "\\b[\\p{Lu}][\\p{L}-]*(?:straat|gracht|laan|plein|kade|singel|dijk|steeg)"
              + "\\h+\\d{1,4}[a-z]?(?:"
              + NEXT_PART
              + "\\d{4}\\s?[A-Z]{2}\\s+"
              + WORD
              + ")?");

  /**
   * A Dutch street without a type word ("Damrak 1", "Oude Gracht 12"), only with the postcode and
   * town after it ("1012 LG Amsterdam").
   */
  private static final Pattern DUTCH_BY_POSTCODE =
      Pattern.compile(
          "\\b[\\p{Lu}][\\p{L}-]*(?:[ \\t]+[\\p{Lu}][\\p{L}-]*)?[ \\t]+\\d{1,4}[a-z]?"
              + NEXT_PART
              + "\\d{4}\\s?[A-Z]{2}\\s+"
              + WORD);

  /** How far before its house number a street named without a type word starts. */
  private static final int STREET_NAME_LEAD = 40;

  private static final Pattern PO_BOX =
      Pattern.compile("(?i)\\bP\\.?\\s?O\\.?\\s?Box\\s+\\d{1,7}\\b");

  private static final Anchors.Group GERMAN_STREETS = Anchors.ignoringCase(Anchors.GERMAN_STREETS);
  private static final Anchors.Group DUTCH_STREETS = Anchors.ignoringCase(Anchors.DUTCH_STREETS);
  private static final Anchors.Group BOX = Anchors.ignoringCase(Anchors.PO_BOX);

  @Override
  public void find(ScannedText text, List<Span> found) {
    if (!text.hasDigit()) {
      return;
    }
    // The English and French layouts start with the house number.
    text.matchesNearDigits(
        ENGLISH,
        0,
        AddressRecognizer::mayStartEnglish,
        matcher -> add(matcher, text.value(), found));
    text.matchesNearDigits(
        FRENCH, 0, AddressRecognizer::mayStartFrench, matcher -> add(matcher, text.value(), found));
    if (text.contains(GERMAN_STREETS)) {
      Matcher german = GERMAN.matcher(text.value());
      while (german.find()) {
        if (!NameLexicon.isEverydayWord(german.group(1).toLowerCase(Locale.ROOT))) {
          add(german, text.value(), found);
        }
      }
    }
    if (text.contains(DUTCH_STREETS)) {
      findAll(DUTCH, text.value(), found);
    }
    // Streets without a type word count only with their postcode: look where one follows.
    int[] beforePostcodes = houseNumbersBeforePostcodes(text);
    if (beforePostcodes.length > 0) {
      text.matchesNear(
          GERMAN_PREPOSITIONAL,
          beforePostcodes,
          STREET_NAME_LEAD,
          AddressRecognizer::mayStartPrepositional,
          matcher -> add(matcher, text.value(), found));
      text.matchesNear(
          DUTCH_BY_POSTCODE,
          beforePostcodes,
          STREET_NAME_LEAD,
          AddressRecognizer::startsCapitalisedWord,
          matcher -> add(matcher, text.value(), found));
    }
    if (text.contains(BOX)) {
      findAll(PO_BOX, text.value(), found);
    }
  }

  /**
   * {@link #ENGLISH}'s start, read cheaply: a house number of up to six digits, maybe a letter (or
   * an ordinal's two) and a dashed second number, blanks, then a capital (of a street name or
   * type).
   */
  private static boolean mayStartEnglish(char[] text, int start) {
    int digits = ScannedText.digitsAt(text, start);
    if (digits > 6) {
      return false;
    }
    int at = start + digits;
    if (at < text.length && isAsciiLetter(text[at])) {
      at++;
      if (at < text.length && isAsciiLetter(text[at])) {
        at++;
      }
    }
    if (ScannedText.isAt(text, at, '-')) {
      int more = ScannedText.digitsAt(text, at + 1);
      if (more == 0 || more > 4) {
        return false;
      }
      at += 1 + more;
    }
    return spacesThen(text, at, AddressRecognizer::isCapital);
  }

  /**
   * The digit runs of one to four digits (a house number, maybe with a letter) that a German or
   * Dutch postcode follows, after a comma or on the next line: where {@link #GERMAN_PREPOSITIONAL}
   * and {@link #DUTCH_BY_POSTCODE} can match, which most digit runs rule out in a few reads.
   */
  private static int[] houseNumbersBeforePostcodes(ScannedText text) {
    char[] chars = text.chars();
    int[] runs = text.digitRunStarts();
    int[] anchors = new int[runs.length];
    int n = 0;
    for (int run : runs) {
      int digits = ScannedText.digitsAt(chars, run);
      int at = run + digits;
      if (digits > 4) {
        continue;
      }
      if (at < chars.length && chars[at] >= 'a' && chars[at] <= 'z') {
        at++;
      }
      int postcode = afterNextPart(chars, at);
      int postcodeDigits = postcode < 0 ? 0 : ScannedText.digitsAt(chars, postcode);
      if (postcodeDigits == 5 || (postcodeDigits == 4 && dutchLetters(chars, postcode + 4))) {
        anchors[n++] = run;
      }
    }
    return Arrays.copyOf(anchors, n);
  }

  /** Where the part after {@link #NEXT_PART} starts at {@code at}, or -1 when none does. */
  private static int afterNextPart(char[] text, int at) {
    int i = at;
    while (i < text.length && (text[i] == ' ' || text[i] == '\t')) {
      i++;
    }
    boolean joined = i < text.length && (text[i] == ',' || text[i] == '\n');
    if (!joined || (text[i] == ',' && i != at)) {
      return -1; // A comma comes right after the number; a line break may follow blanks.
    }
    i++;
    while (i < text.length && ScannedText.isRegexSpace(text[i])) {
      i++;
    }
    return i;
  }

  /** A Dutch postcode's two capitals, maybe after a blank. */
  private static boolean dutchLetters(char[] text, int at) {
    int i = at < text.length && ScannedText.isRegexSpace(text[at]) ? at + 1 : at;
    return ScannedText.isCapitalAt(text, i) && ScannedText.isCapitalAt(text, i + 1);
  }

  /** A capital that starts a word, as {@link #DUTCH_BY_POSTCODE}'s matches start. */
  private static boolean startsCapitalisedWord(char[] text, int start) {
    return start < text.length
        && isCapital(text[start])
        && (start == 0 || !Character.isLetterOrDigit(text[start - 1]));
  }

  /** {@link #GERMAN_PREPOSITIONAL}'s start, read cheaply: the first letters of its prepositions. */
  private static boolean mayStartPrepositional(char[] text, int start) {
    return start + 2 < text.length
        && "AIUZ".indexOf(text[start]) >= 0
        && (text[start + 1] == 'm' || text[start + 1] == 'n' || text[start + 1] == 'u');
  }

  /**
   * {@link #FRENCH}'s start, read cheaply: a number of up to four digits, maybe "bis" or "ter" and
   * a comma, blanks, then the first letter of one of its street types.
   */
  private static boolean mayStartFrench(char[] text, int start) {
    int digits = ScannedText.digitsAt(text, start);
    if (digits > 4) {
      return false;
    }
    int at = start + digits;
    int suffixed = at < text.length && ScannedText.isRegexSpace(text[at]) ? at + 1 : at;
    boolean suffix = startsWith(text, suffixed, "bis") || startsWith(text, suffixed, "ter");
    return frenchStreetAfter(text, at) || suffix && frenchStreetAfter(text, suffixed + 3);
  }

  private static boolean frenchStreetAfter(char[] text, int at) {
    return spacesThen(
        text, ScannedText.isAt(text, at, ',') ? at + 1 : at, c -> "rabpciqRABPCIQ".indexOf(c) >= 0);
  }

  /** At least one blank from {@code at}, then a character that {@code next} accepts. */
  private static boolean spacesThen(char[] text, int at, CharTest next) {
    int after = at;
    while (after < text.length && ScannedText.isRegexSpace(text[after])) {
      after++;
    }
    return after > at && after < text.length && next.test(text[after]);
  }

  private interface CharTest {
    boolean test(char c);
  }

  private static boolean isCapital(char c) {
    // A high surrogate may start a supplementary capital.
    return Character.isUpperCase(c) || Character.isHighSurrogate(c);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean startsWith(char[] text, int at, String word) {
    if (at + word.length() > text.length) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (text[at + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static void findAll(Pattern layout, String text, List<Span> found) {
    Matcher matcher = layout.matcher(text);
    while (matcher.find()) {
      add(matcher, text, found);
    }
  }

  private static boolean add(Matcher matcher, String text, List<Span> found) {
    int start = matcher.start();
    Matcher unit =
        UNIT_BEFORE.matcher(text.substring(Math.max(0, start - UNIT_BEFORE_REACH), start));
    if (matcher.pattern() == ENGLISH && unit.find()) {
      start -= unit.end() - unit.start();
    }
    int end = matcher.end();
    while (end > start && ",. ".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    Span address = new Span(start, end, EntityType.STREET_ADDRESS);
    if (!found.contains(address)) { // A Dutch street with its type and postcode matches twice.
      found.add(address);
    }
    return true;
  }
}
