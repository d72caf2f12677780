package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NameWordsTest {
  private static final Pattern NAME_WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");

  private static List<String> matched(String text) {
    List<String> words = new ArrayList<>();
    Matcher matcher = NAME_WORD.matcher(text);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  @Test
  void findsTheWordsThePatternFinds() {
    for (String text :
        List.of(
            "",
            "Jane",
            "  Mary-Jane O'Neil, Jr.",
            "Zoë Ångström-Łukasz d’Arc",
            "'quoted' -dash- 42 x9y",
            "Jose\u0301 Nguyễn",
            "\uD835\uDC00lpha \uD801\uDC00x", // supplementary letters
            "\uD800 lone surrogate",
            "Ωμέγα, 李小龍 and محمد")) {
      assertEquals(matched(text), NameWords.in(text), text);
    }
  }

  @Test
  void aWordStartsWithALetter() {
    assertEquals(List.of("Anne", "Marie"), NameWords.in("-'Anne ’Marie"));
  }
}
