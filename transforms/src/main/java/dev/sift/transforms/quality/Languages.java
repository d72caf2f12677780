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
 * low-accuracy mode (trigram models only) on at most {@value #SAMPLE_CHARS} characters. One
 * detector per set of languages per JVM: Lingua's detectors are thread-safe and loading their
 * models is the slow part.
 */
final class Languages {
  static final String UNKNOWN = "unknown";
  static final int SAMPLE_CHARS = 400;

  private static final Map<List<String>, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();

  private final LanguageDetector detector;

  private Languages(LanguageDetector detector) {
    this.detector = detector;
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
    return new Languages(DETECTORS.computeIfAbsent(key, Languages::build));
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

  /** The ISO 639-1 code of the text's language, or {@value #UNKNOWN}. */
  String detect(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    Language language = detector.detectLanguageOf(sample);
    return language == Language.UNKNOWN
        ? UNKNOWN
        : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }
}
