package dev.sift.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link KeyTextScans} gives what the regexes it stands for give, on tricky random texts. */
class KeyTextScansTest {
  private static final Pattern NAME_INSIDE_SENTENCE =
      Pattern.compile(
          "(?=\\p{Lu}\\p{Ll})(?<=[\\p{L}\\p{N},)'\"’][ \\t]{1,3})\\p{Lu}\\p{Ll}[\\p{L}\\p{M}'’-]*");
  private static final Pattern NUMBER = Pattern.compile("\\p{N}+(?:[.,:/-]\\p{N}+)*");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /**
   * Letters of every case and of both planes (Deseret 𐐀/𐐨 and a mathematical 𝐀 are
   * supplementary), a combining accent, numbers of three categories, the cue punctuation, the
   * number separators and white space, some of it outside {@code \s} (em space, which strip
   * removes).
   */
  private static final String[] PIECES = {
    "A",
    "Z",
    "b",
    "z",
    "É",
    "é",
    "ǅ",
    "ʰ",
    "中",
    "\uD801\uDC00",
    "\uD801\uDC28",
    "\uD835\uDC00",
    "\u0301",
    "1",
    "9",
    "٣",
    "½",
    "Ⅻ",
    "\uD800\uDD07",
    ",",
    ")",
    "'",
    "\"",
    "’",
    "-",
    ".",
    ":",
    "/",
    "@",
    " ",
    " ",
    "\t",
    "\n",
    "\r",
    "\u000B",
    "\f",
    "\u2003",
    "Anna",
    " Ben",
    "  Chloé's",
  };

  @Test
  void namesAreMaskedAsTheRegexMasksThem() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 50_000; i++) {
      String text = randomText(random);
      assertEquals(
          NAME_INSIDE_SENTENCE.matcher(text).replaceAll("<name>"),
          KeyTextScans.maskNamesInsideSentences(text),
          () -> "on " + escaped(text));
    }
  }

  @Test
  void numbersAndWhiteSpaceAreSqueezedAsTheRegexesSqueezeThem() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 50_000; i++) {
      String text = randomText(random);
      String withNumbers = NUMBER.matcher(text).replaceAll("0");
      assertEquals(
          WHITE_SPACE.matcher(withNumbers).replaceAll(" ").strip(),
          KeyTextScans.squeeze(text, true),
          () -> "on " + escaped(text));
      assertEquals(
          WHITE_SPACE.matcher(text).replaceAll(" ").strip(),
          KeyTextScans.squeeze(text, false),
          () -> "on " + escaped(text));
    }
  }

  private static String randomText(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(16);
    for (int p = 0; p < pieces; p++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    text.chars()
        .forEach(c -> out.append(c < 128 && c >= 32 ? "" + (char) c : "\\u%04x".formatted(c)));
    return out.toString();
  }
}
