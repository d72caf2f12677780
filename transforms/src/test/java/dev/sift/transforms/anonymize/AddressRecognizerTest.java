package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRecognizerTest {
  private static final AddressRecognizer ADDRESSES = new AddressRecognizer();

  /** Each address is found whole: the town and postcode of a partly found one would leak. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "221B Baker Street, London NW1 6XE",
        "Apt 4B, 350 Fifth Avenue, New York, NY 10118",
        "1600 Amphitheatre Parkway\nMountain View, CA 94043",
        "41 Hay Road, Surry Hills NSW 2010",
        "7 Ocean Street\nBondi Beach NSW 2026",
        "Flat 12, Lotus Residency, 9th Cross Road, Salt Lake, Kolkata 700091",
        "Flat 3, Green Park Apartments\n4th Main Road\nIndiranagar, Bengaluru 560038",
        "12 rue de Rivoli\n75001 Paris",
        "Hauptstraße 5\n10115 Berlin",
        "Am Markt 3, 50667 Köln",
        "Unter den Linden 77, 10117 Berlin",
        "Keizersgracht 127, 1017 JW Amsterdam",
        "Damrak 1\n1012 LG Amsterdam",
        "Kaiserring 12, 68161 Mannheim",
        "PO Box 4412"
      })
  void findsTheWholeAddress(String address) {
    String text = "Please send it to " + address + " instead, thanks.";
    assertEquals(List.of(address), found(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We finished in 1st Place again this year.",
        "Im Jahr 2020 haben wir 3 Filialen eröffnet.",
        "Am Montag 12 Uhr passt gut.",
        "Order 1234 shipped with 3 Day Shipping.",
        "Version 2 of the app, released 2024, fixes it.",
        "String 1: food\nString 2: wrongdoing",
        "During 2020 we hired; Spring 2024 is next.",
        "High School Diploma, 2017\nSt. John's High School",
        "Liefern Sie an die Goethestraße\n12 Stück bitte.",
        "We meet by the Keizersgracht\n3 times a week.",
        "I ordered 12\nRue de la Paix is the venue.",
        "Wir sind Am Markt\n3, 50667 Köln ist die Filiale."
      })
  void leavesOtherNumbersAlone(String text) {
    assertEquals(List.of(), found(text));
  }

  /** A line break ends a street's name: the next line's capitalised words are not part of it. */
  @Test
  void endsTheStreetNameAtTheLineEnd() {
    assertEquals(List.of("12 rue de Rivoli"), found("12 rue de Rivoli\nMerci Beaucoup"));
    assertEquals(List.of("Hauptstraße 5"), found("Hauptstraße 5\nViele Grüße"));
  }

  private static List<String> found(String text) {
    List<Span> spans = new ArrayList<>();
    ADDRESSES.find(new ScannedText(text), spans);
    return spans.stream().map(span -> span.in(text)).toList();
  }
}
