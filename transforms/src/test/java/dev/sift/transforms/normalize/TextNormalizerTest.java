package dev.sift.transforms.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  /** Pieces of text in and out of form: each kind of break, space, control and invisible one. */
  private static final String[] PIECES = {
    "a",
    "Z",
    "é",
    "e\u0301",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\u0085",
    "\u2028",
    "\u2029",
    "\u200B",
    "\u200D",
    "\u2060",
    "\uFEFF",
    "\u00AD",
    "\u0007",
    "\u007F",
    "\u00A0",
    "\u3000",
    "\u2003",
    "\u000B",
    "\f",
    "\uD83D\uDE00",
    "x y",
  };

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

  /** The shortcut for texts already in form gives what the five replacements give. */
  @Test
  void givesWhatThePatternsGiveOnRandomTexts() {
    Pattern[] patterns = {
      Pattern.compile("\\r\\n?|[\\u0085\\u2028\\u2029]"),
      Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]|[\\p{Cc}&&[^\\n\\t]]"),
      Pattern.compile("[\\p{Zs}&&[^ ]]"),
      Pattern.compile("[ \\t]+(?=\\n|$)"),
      Pattern.compile("\\n{3,}"),
    };
    String[] replacements = {"\n", "", " ", "", "\n\n"};
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int p = random.nextInt(12); p > 0; p--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String expected = Normalizer.normalize(text, Normalizer.Form.NFC);
      for (int k = 0; k < patterns.length; k++) {
        expected = patterns[k].matcher(expected).replaceAll(replacements[k]);
      }
      assertEquals(expected.strip(), TextNormalizer.normalize(text.toString()), text::toString);
    }
  }
}
