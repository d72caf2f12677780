package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordTableTest {
  private static final WordTable TABLE = new WordTable(Map.of("maria", 1, "smith", 2, "o'neil", 3));

  private static int lookUp(String text, int start, int end) {
    char[] chars = text.toCharArray();
    int hash = text.substring(start, end).toLowerCase(Locale.ROOT).hashCode();
    return TABLE.flagsOfAscii(chars, start, end, hash);
  }

  @Test
  void looksUpAWordOfATextInLowerCase() {
    assertEquals(1, lookUp("Hi MARIA!", 3, 8));
    assertEquals(3, lookUp("Mr O'Neil", 3, 9));
    assertEquals(0, lookUp("Mariana", 0, 7));
    assertEquals(0, lookUp("Mari", 0, 4));
  }

  @Test
  void looksUpStrings() {
    assertEquals(2, TABLE.flags("smith"));
    assertEquals(0, TABLE.flags("Smith"));
    assertEquals(0, TABLE.flags("jones"));
  }
}
