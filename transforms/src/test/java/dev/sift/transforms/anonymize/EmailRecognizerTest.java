package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;
import org.junit.jupiter.api.Test;

class EmailRecognizerTest {
  private static final EmailRecognizer RECOGNIZER = new EmailRecognizer();

  private static List<Span> find(String text) {
    List<Span> found = new ArrayList<>();
    RECOGNIZER.find(new ScannedText(text), found);
    return found;
  }

  @Test
  void aLocalPartHasAtMostSixtyFourCharacters() {
    String local = "a".repeat(64);
    assertEquals(List.of(new Span(1, 77, EntityType.EMAIL)), find(" " + local + "@example.com"));
    assertEquals(List.of(), find(" b" + local + "@example.com"));
  }

  @Test
  void aCandidateStartsWhereTheRunOfLocalPartCharactersDoes() {
    assertEquals(4, EmailRecognizer.candidateStart("to: jé.doe_1+x@example.com", 14, 0));
    assertEquals(-1, EmailRecognizer.candidateStart("to: jé.doe_1+x@example.com", 14, 5));
    assertEquals(-1, EmailRecognizer.candidateStart("@@x.io", 1, 0));
  }

  @Test
  void orRightAfterASupplementaryCharacterWhoseLowSurrogateTheLookBehindSees() {
    String text = "ab\uD835\uDC00cd@x.io";
    assertEquals(0, EmailRecognizer.candidateStart(text, 6, 0));
    assertEquals(4, EmailRecognizer.candidateStart(text, 6, 1));
  }

  /** What the recognizer found before it started the pattern at each @'s local part. */
  private static List<Span> searchNearEachAt(String text) {
    Pattern candidate =
        Pattern.compile(
            "(?<![\\w.%+-])[\\w.%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                + "[A-Za-z]{2,24}(?![\\w-])",
            Pattern.UNICODE_CHARACTER_CLASS);
    EmailValidator validator = EmailValidator.getInstance(false, false);
    List<Span> found = new ArrayList<>();
    Matcher matcher = candidate.matcher(text).useTransparentBounds(true);
    int searched = 0;
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      matcher.region(Math.max(searched, at - 64), Math.min(text.length(), at + 256));
      if (matcher.find() && matcher.start() <= at) {
        if (validator.isValid(matcher.group())) {
          found.add(new Span(matcher.start(), matcher.end(), EntityType.EMAIL));
        }
        searched = matcher.end();
      }
    }
    return found;
  }

  @Test
  void findsWhatASearchNearEachAtFindsOnRandomTexts() {
    Random random = new Random(11);
    String[] pieces = {
      "a",
      "Z",
      "7",
      ".",
      "-",
      "_",
      "%",
      "+",
      " ",
      "@",
      "x",
      "é",
      "\u0301",
      "\u200C",
      "\uD835\uDC00",
      "\uDC00",
      ",",
      "a".repeat(30),
      "b-c.",
      "\u00A0",
      "jane.doe",
      "@example.com",
      "@mail.example.co.uk",
      "@x.io",
      "@ab-.com",
      "@example.c0m",
      ".org",
      "-x"
    };
    int addresses = 0;
    for (int round = 0; round < 5000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String value = text.toString();
      List<Span> expected = searchNearEachAt(value);
      assertEquals(expected, find(value), value);
      addresses += expected.size();
    }
    assertTrue(addresses > 500, "the texts hold addresses: " + addresses);
  }
}
