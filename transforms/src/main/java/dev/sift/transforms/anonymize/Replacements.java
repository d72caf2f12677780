package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import dev.sift.schemas.Fingerprint;
import dev.sift.schemas.spec.AnonymizeSpec;
import dev.sift.schemas.spec.AnonymizeSpec.Operator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The replacements of one conversation, kept so that a value gets the same replacement in every
 * turn: the same e-mail the same surrogate, the same person the same {@code [PERSON_1]}, also when
 * a later turn uses only the given name. Surrogates are drawn from a stream seeded by the spec's
 * seed, the scope and the value, so they do not depend on the order values are met.
 */
final class Replacements {
  private final AnonymizeSpec spec;
  private final Surrogates surrogates;
  private final Supplier<String> scope;
  private final Map<String, String> byValue = new HashMap<>();
  private final Set<String> used = new HashSet<>();
  private final Map<EntityType, Integer> pseudonyms = new EnumMap<>(EntityType.class);
  private final Map<String, Integer> personByWord = new HashMap<>();
  private final Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
  private final Map<EntityType, Operator> operators = new EnumMap<>(EntityType.class);

  /** The seed's and the scope's share of every surrogate's random stream, hashed once. */
  private Fingerprint seeds;

  /**
   * {@code scope}: what surrogates are drawn within, one per conversation; asked for only when the
   * first surrogate is drawn, as working it out reads the whole conversation.
   */
  Replacements(AnonymizeSpec spec, Surrogates surrogates, Supplier<String> scope) {
    this.spec = spec;
    this.surrogates = surrogates;
    this.scope = scope;
  }

  /** The replacement of {@code value}, found as {@code type}; counts the finding. */
  String replace(EntityType type, String value) {
    counts.merge(type, 1, Integer::sum);
    Operator operator = operators.computeIfAbsent(type, spec::operatorFor);
    return switch (operator) {
      case PLACEHOLDER -> type.placeholder();
      case PSEUDONYM -> pseudonym(type, value);
      case SURROGATE -> type == EntityType.PERSON ? personSurrogate(value) : surrogate(type, value);
    };
  }

  /** How many values of each type were replaced so far. */
  Map<EntityType, Integer> counts() {
    return counts;
  }

  private String pseudonym(EntityType type, String value) {
    if (type == EntityType.PERSON) {
      return "[PERSON_" + personNumber(value) + "]";
    }
    return byValue.computeIfAbsent(
        type + "\u0000" + canonical(type, value),
        key -> "[" + type.name() + "_" + pseudonyms.merge(type, 1, Integer::sum) + "]");
  }

  /** One number per person: a name sharing a word with an earlier one is the same person. */
  private int personNumber(String name) {
    List<String> words = words(name);
    Integer number =
        words.stream().map(personByWord::get).filter(n -> n != null).findFirst().orElse(null);
    if (number == null) {
      number = pseudonyms.merge(EntityType.PERSON, 1, Integer::sum);
    }
    for (String word : words) {
      personByWord.putIfAbsent(word, number);
    }
    return number;
  }

  private String surrogate(EntityType type, String value) {
    String key = type + "\u0000" + canonical(type, value);
    String known = byValue.get(key);
    if (known != null) {
      return known;
    }
    String fake = draw(key, attempt -> surrogates.of(type, value, random(key, attempt)), value);
    byValue.put(key, fake);
    return fake;
  }

  /** Word by word, so "Jane Doe" and a later "Jane" become "Emma Clark" and "Emma". */
  private String personSurrogate(String name) {
    StringBuilder fake = new StringBuilder(name.length() + 8);
    int last = 0;
    boolean family = false;
    for (int start = NameWords.start(name, 0); start >= 0; start = NameWords.start(name, last)) {
      int end = NameWords.end(name, start);
      fake.append(name, last, start);
      String original = name.substring(start, end);
      String key = "PERSON\u0000" + original.toLowerCase(Locale.ROOT);
      String replacement = byValue.get(key);
      if (replacement == null) {
        boolean isFamily = family;
        replacement =
            draw(
                key,
                attempt -> surrogates.personWord(original, isFamily, random(key, attempt)),
                original);
        byValue.put(key, replacement);
      }
      fake.append(replacement);
      last = end;
      family = true;
    }
    return fake.append(name, last, name.length()).toString();
  }

  /** A surrogate that differs from the original and from every other value's surrogate. */
  private String draw(String key, Draw draw, String original) {
    for (int attempt = 0; ; attempt++) {
      String fake = draw.attempt(attempt);
      if (!fake.equalsIgnoreCase(original) && used.add(fake.toLowerCase(Locale.ROOT))) {
        return fake;
      }
      if (attempt > 20) {
        return fake; // A tiny pool (a one-letter name): sharing a surrogate beats looping.
      }
    }
  }

  private SplittableRandom random(String key, int attempt) {
    if (seeds == null) {
      seeds = Fingerprint.of("surrogate", Long.toString(spec.seed()), scope.get());
    }
    return new SplittableRandom(seeds.copy().add(key).add(Integer.toString(attempt)).asLong());
  }

  private static String canonical(EntityType type, String value) {
    return switch (type) {
      case PHONE, CREDIT_CARD, US_SSN -> Digits.only(value);
      case IBAN -> value.replace(" ", "").toUpperCase(Locale.ROOT);
      default -> value.strip().toLowerCase(Locale.ROOT);
    };
  }

  private static List<String> words(String name) {
    return NameWords.in(name.toLowerCase(Locale.ROOT));
  }

  private interface Draw {
    String attempt(int attempt);
  }
}
