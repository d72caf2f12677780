package dev.sift.transforms.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void composesUnicodeToNfc() {
    assertEquals("caf\u00e9", TextNormalizer.normalize("cafe\u0301"));
  }

  @Test
  void unifiesLineBreaksAndCollapsesBlankLines() {
    assertEquals("a\nb\n\nc", TextNormalizer.normalize("a\r\nb\r\n\r\n\r\n\rc"));
  }

  @Test
  void removesInvisibleAndControlCharactersButKeepsTabs() {
    assertEquals("pay\tnow", TextNormalizer.normalize("p\u200Bay\u0007\tno\u00ADw\uFEFF"));
  }

  @Test
  void turnsOtherSpacesIntoPlainSpacesAndTrimsLineEnds() {
    assertEquals("10 EUR\nnext", TextNormalizer.normalize("  10\u00A0EUR \t\nnext\u3000 "));
  }

  @Test
  void keepsIndentationInsideText() {
    String code = "Try this:\n\n    if (paid) {\n        ship();\n    }";
    assertEquals(code, TextNormalizer.normalize(code + "\n\n"));
  }
}
