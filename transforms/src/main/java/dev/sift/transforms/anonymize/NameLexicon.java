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
 * The given and family names shipped with Sift (see {@code NAMES-LICENSE.txt}), and the given names
 * that are also everyday words. Lookups take lower-case words.
 */
final class NameLexicon {
  private static final NameLexicon INSTANCE = new NameLexicon();

  /** Given names that are month names, which the word list has only capitalised. */
  private static final Set<String> MONTHS = Set.of("april", "may", "june", "august");

  private final List<String> firstNames = read("first-names.txt");
  private final List<String> lastNames = read("last-names.txt");
  private final Set<String> first = lowerCase(firstNames);
  private final Set<String> last = lowerCase(lastNames);
  private final Set<String> ambiguous = lowerCase(read("ambiguous-names.txt"));

  private NameLexicon() {}

  static NameLexicon get() {
    return INSTANCE;
  }

  boolean isFirstName(String lower) {
    return first.contains(lower);
  }

  boolean isLastName(String lower) {
    return last.contains(lower);
  }

  /** A given name that is also a common word ("Will", "May", "Grant"), so needs a stronger cue. */
  boolean isAmbiguous(String lower) {
    return ambiguous.contains(lower) || MONTHS.contains(lower);
  }

  /** Given names as written in the list, for surrogates. */
  List<String> firstNames() {
    return firstNames;
  }

  List<String> lastNames() {
    return lastNames;
  }

  private static Set<String> lowerCase(List<String> names) {
    Set<String> lower = new HashSet<>();
    names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
    return Set.copyOf(lower);
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
