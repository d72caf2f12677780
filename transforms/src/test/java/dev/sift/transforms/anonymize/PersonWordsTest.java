package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonWordsTest {
  private static PersonRecognizer.Words words(String text) {
    return new PersonRecognizer.Words(text, text.toCharArray());
  }

  private static List<String> lowers(PersonRecognizer.Words words) {
    List<String> lowers = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      lowers.add(words.lower(i));
    }
    return lowers;
  }

  @Test
  void splitsWordsAsNamesAreWritten() {
    PersonRecognizer.Words words = words("Hi MARIA's co-worker, José’s café; Zoë O'Neil!");
    assertEquals(
        List.of("hi", "maria", "co-worker", "josé", "café", "zoë", "o'neil"), lowers(words));
    assertEquals(22, words.start(3));
    assertEquals(28, words.end(3));
  }

  @Test
  void hashesEachWordAsItsLowerCaseString() {
    PersonRecognizer.Words words = words("Hi MARIA's co-worker, José’s café; Zoë O'Neil!");
    for (int i = 0; i < words.size(); i++) {
      assertEquals(words.lower(i).hashCode(), words.hash(i), words.lower(i));
    }
  }

  @Test
  void marksCapitalisedWords() {
    PersonRecognizer.Words words = words("Maria MARIA maria I");
    assertTrue(words.capitalised(0));
    assertEquals(false, words.capitalised(1));
    assertEquals(false, words.capitalised(2));
    assertTrue(words.capitalised(3));
  }
}
