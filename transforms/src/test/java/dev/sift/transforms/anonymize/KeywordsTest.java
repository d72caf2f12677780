package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordsTest {
  private static final List<String> IGNORING_CASE = List.of("pass", "key", "weg ", "d.o.b");
  private static final List<String> EXACT = List.of("SK", "eyJ", ":AA", "sk-");
  private static final Keywords KEYWORDS = new Keywords(IGNORING_CASE, EXACT);

  private static int[] offsets(String text, String word, boolean ignoringCase) {
    return KEYWORDS.find(text.toCharArray()).offsets(KEYWORDS.id(word, ignoringCase));
  }

  @Test
  void findsEveryOccurrenceIncludingOverlapsAndTheLastCharacters() {
    assertArrayEquals(new int[] {0, 4}, offsets("passpass", "pass", true));
    assertArrayEquals(new int[] {0, 3}, offsets("SK SK", "SK", false));
    assertArrayEquals(new int[] {1}, offsets("xSK", "SK", false));
    assertArrayEquals(new int[] {}, offsets("S", "SK", false));
  }

  @Test
  void ignoresCaseOnlyWhereAsked() {
    assertArrayEquals(new int[] {0, 10}, offsets("PassWord: password", "pass", true));
    assertArrayEquals(new int[] {}, offsets("sk eyj :aa", "SK", false));
    assertArrayEquals(new int[] {}, offsets("EYJ", "eyJ", false));
    assertArrayEquals(new int[] {3}, offsets("an eyJhbGci", "eyJ", false));
  }

  @Test
  void foldsAsLowerCasingTheTextWould() {
    // The Kelvin sign lower-cases to k, so a lower-cased text would hold "key".
    assertArrayEquals(new int[] {4}, offsets("api_\u212AEY", "key", true));
  }

  @Test
  void aTwoLetterWordMayBeFollowedByAnything() {
    assertArrayEquals(new int[] {0}, offsets("SKé", "SK", false));
    assertArrayEquals(new int[] {0}, offsets("SK\u0000", "SK", false));
  }

  @Test
  void findsWhatIndexOfFindsOnRandomTexts() {
    Random random = new Random(7);
    String alphabet = "pasSKkeyEYJ:Aw g.dob-\u212A\u00e9";
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String value = text.toString();
      for (String word : IGNORING_CASE) {
        assertArrayEquals(
            indexOf(value.toLowerCase(Locale.ROOT), word), offsets(value, word, true), value);
      }
      for (String word : EXACT) {
        assertArrayEquals(indexOf(value, word), offsets(value, word, false), value);
      }
    }
  }

  @Test
  void findsWordsWhoseCharactersShareCodes() {
    // More distinct characters than codes: some share one, which only lets more places through.
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789.:_-/";
    List<String> words = new ArrayList<>();
    for (int i = 0; i + 2 < alphabet.length(); i += 3) {
      words.add(alphabet.substring(i, i + 3));
    }
    Keywords keywords = new Keywords(List.of(), words);
    Random random = new Random(11);
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String value = text.toString();
      Keywords.Hits hits = keywords.find(value.toCharArray());
      for (String word : words) {
        assertArrayEquals(indexOf(value, word), hits.offsets(keywords.id(word, false)), value);
      }
    }
  }

  private static int[] indexOf(String text, String word) {
    return java.util.stream.IntStream.iterate(
            text.indexOf(word), at -> at >= 0, at -> text.indexOf(word, at + 1))
        .toArray();
  }

  @Test
  void refusesWordsItCannotFind() {
    assertThrows(IllegalArgumentException.class, () -> KEYWORDS.id("token", true));
    assertThrows(IllegalArgumentException.class, () -> new Keywords(List.of("k"), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Keywords(List.of("straße"), List.of()));
  }

  @Test
  void reportsWhetherAWordOccurs() {
    Keywords.Hits hits = KEYWORDS.find("no secrets here".toCharArray());
    assertFalse(hits.contains(KEYWORDS.id("pass", true)));
    assertTrue(KEYWORDS.find("my key".toCharArray()).contains(KEYWORDS.id("key", true)));
  }
}
