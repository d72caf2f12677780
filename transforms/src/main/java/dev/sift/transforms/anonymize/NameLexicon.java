package dev.sift.transforms.anonymize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The given and family names shipped with Sift (see {@code NAMES-LICENSE.txt}), the given names
 * that are also everyday words, and the everyday words.
 */
final class NameLexicon {
  /** Given names that are month names, which the word list has only capitalised. */
  private static final Set<String> MONTHS = Set.of("april", "may", "june", "august");

  /** Built after {@link #MONTHS}, which it reads. */
  private static final NameLexicon INSTANCE = new NameLexicon();

  private final List<String> firstNames = read("first-names.txt");
  private final List<String> lastNames = read("last-names.txt");
  private final Set<String> first =
      union(lowerCase(firstNames), lowerCase(read("international-first-names.txt")));
  private final Set<String> last = lowerCase(lastNames);
  private final Set<String> ambiguous = union(lowerCase(read("ambiguous-names.txt")), MONTHS);
  private final Set<String> places = lowerCase(read("places.txt"));

  private NameLexicon() {}

  static NameLexicon get() {
    return INSTANCE;
  }

  /** The given names, English and international, in lower case. */
  Set<String> givenNames() {
    return first;
  }

  /** The family names, in lower case. */
  Set<String> familyNames() {
    return last;
  }

  /**
   * The given names that are also common words ("will", "may", "grant") or chat spellings ("ive",
   * "ty"), in lower case: these need a stronger cue.
   */
  Set<String> ambiguousNames() {
    return ambiguous;
  }

  /**
   * Whether a lower-case word is an everyday English word ("invoices", "unfortunately"): a
   * capitalised word that is one is no name unless a name list has it. Loaded on first use, as only
   * the rules that take unlisted names ask.
   */
  static boolean isEverydayWord(String lower) {
    return EverydayWords.WORDS.contains(lower);
  }

  /** Countries, continents and regions, in lower case: "India" and "France" are names too. */
  Set<String> places() {
    return places;
  }

  /** The English given names as written in the list, for surrogates. */
  List<String> firstNames() {
    return firstNames;
  }

  List<String> lastNames() {
    return lastNames;
  }

  /** Holds the word list, which the JVM loads the first time it is asked for. */
  private static final class EverydayWords {
    private static final Set<String> WORDS = Set.copyOf(read("everyday-words.txt"));
  }

  private static Set<String> lowerCase(List<String> names) {
    Set<String> lower = new HashSet<>();
    names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
    return Set.copyOf(lower);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    return Set.copyOf(union);
  }

  private static List<String> read(String resource) {
    try (InputStream in = NameLexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> names = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
      return List.copyOf(names);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
