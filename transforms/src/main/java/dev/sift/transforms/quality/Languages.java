package dev.sift.transforms.quality;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Language detection with Lingua, limited to the spec's languages and the few others it names (a
 * detector choosing among a handful of languages is fast and rarely wrong), in Lingua's
 * low-accuracy mode (trigram models only) on a sample of at most {@value #SAMPLE_CHARS} characters
 * of the text's prose words ({@link #appendWords}). Lingua documents that mode as reliable from
 * about 120 characters, and its cost grows with the sample. Words that are codes, ids or addresses
 * carry no language and mislead the trigram models: on 20,000 generated English conversations full
 * of URLs, request ids and keys, the first 400 characters as they stand were detected as another
 * language 95 times, their prose words twice. When English is a candidate, a plainly English sample
 * ({@link EnglishFunctionWords}) is answered without Lingua, which is both faster and right more
 * often: Lingua alone calls short English questions and English text with foreign names German or
 * Dutch. One detector per set of languages per JVM: Lingua's detectors are thread-safe and loading
 * their models is the slow part.
 */
final class Languages {
  static final String UNKNOWN = "unknown";
  static final int SAMPLE_CHARS = 200;
  private static final String CODE_CHARACTERS = "/@_=#<>[]{}\\|~^*+";

  private static final Map<List<String>, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();

  private final LanguageDetector detector;
  private final boolean englishCandidate;

  private Languages(LanguageDetector detector, boolean englishCandidate) {
    this.detector = detector;
    this.englishCandidate = englishCandidate;
  }

  /** A detector for {@code expected} and {@code others}; fails on a code Lingua lacks. */
  static Languages of(List<String> expected, List<String> others) {
    TreeSet<String> codes = new TreeSet<>(expected);
    codes.addAll(others);
    if (codes.size() == 1) {
      // Lingua chooses among two or more; English is the contrast when only one is named.
      codes.add(codes.first().equals("en") ? "de" : "en");
    }
    List<String> key = List.copyOf(codes);
    return new Languages(DETECTORS.computeIfAbsent(key, Languages::build), codes.contains("en"));
  }

  /** Throws {@link IllegalArgumentException} naming any code Lingua does not detect. */
  static void check(List<String> codes) {
    codes.forEach(Languages::language);
  }

  private static LanguageDetector build(List<String> codes) {
    List<Language> languages = new ArrayList<>();
    codes.forEach(code -> languages.add(language(code)));
    return LanguageDetectorBuilder.fromLanguages(languages.toArray(new Language[0]))
        .withLowAccuracyMode()
        .withPreloadedLanguageModels()
        .build();
  }

  private static Language language(String code) {
    try {
      Language language =
          Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
      if (language != Language.UNKNOWN) {
        return language;
      }
    } catch (IllegalArgumentException unknown) {
      // Reported below.
    }
    throw new IllegalArgumentException("Lingua cannot detect language '" + code + "'");
  }

  /**
   * Appends {@code text}'s prose words to {@code sample}, space-separated, until it holds {@value
   * #SAMPLE_CHARS} characters. A word (a run without white space) is left out when it holds a
   * character of URLs, markup or placeholders ({@link #CODE_CHARACTERS}) or mixes Latin letters
   * with digits (an id, a key, a version). A run of a script written without spaces, such as
   * Chinese, is kept with its digits; Lingua drops digits and punctuation from what it is given.
   */
  static void appendWords(StringBuilder sample, String text) {
    int n = text.length();
    int i = 0;
    while (i < n && sample.length() < SAMPLE_CHARS) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      boolean latin = false;
      boolean digit = false;
      boolean code = false;
      for (; i < n && !Character.isWhitespace(text.charAt(i)); i++) {
        char c = text.charAt(i);
        latin |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        digit |= Character.isDigit(c);
        code |= CODE_CHARACTERS.indexOf(c) >= 0;
      }
      if (i > start && !code && !(latin && digit)) {
        if (sample.length() > 0) {
          sample.append(' ');
        }
        sample.append(text, start, i);
      }
    }
  }

  /**
   * The ISO 639-1 code of the language of a sample that {@link #appendWords} built, or {@value
   * #UNKNOWN}. When English is a candidate, a sample that {@link EnglishFunctionWords} finds
   * plainly English is answered without Lingua.
   */
  String detect(CharSequence sample) {
    CharSequence cut = sample.subSequence(0, Math.min(sample.length(), SAMPLE_CHARS));
    if (englishCandidate && EnglishFunctionWords.dominate(cut)) {
      return "en";
    }
    Language language = detector.detectLanguageOf(cut.toString());
    return language == Language.UNKNOWN
        ? UNKNOWN
        : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }
}
