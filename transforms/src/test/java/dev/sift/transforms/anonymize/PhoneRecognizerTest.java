package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.spec.AnonymizeSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneRecognizerTest {
  private static final PhoneRecognizer PHONES =
      new PhoneRecognizer(AnonymizeSpec.DEFAULT_PHONE_REGIONS);

  @Test
  void leavesToLibphonenumberOnlyWhatTheCheapTestsCannotSettle() {
    String text = "Call (415) 555-0123 or 020 7946 0958; card 4111 1111 1111 1111; on 2024-01-09.";
    List<Span> found = new ArrayList<>();
    PhoneRecognizer.Unconfirmed unconfirmed = PHONES.unconfirmed(text);

    PHONES.find(new ScannedText(text), found, unconfirmed);

    assertEquals(
        List.of("(415) 555-0123", "020 7946 0958", "4111 1111 1111 1111"),
        found.stream().map(span -> span.in(text)).toList());
    assertFalse(unconfirmed.rejects(found.get(0)), "the North American layout needs no asking");
    assertFalse(unconfirmed.rejects(found.get(1)), "a valid UK number");
    assertTrue(unconfirmed.rejects(found.get(2)), "no region's number");
  }
}
