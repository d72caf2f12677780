package dev.sift.bench.pii;

import java.util.List;
import java.util.Random;

/** Random choices that depend only on the generator's {@link Random}. */
final class Pick {
  private static final String DIGITS = "0123456789";

  private Pick() {}

  static <T> T one(Random rng, List<T> options) {
    return options.get(rng.nextInt(options.size()));
  }

  @SafeVarargs
  static <T> T of(Random rng, T... options) {
    return options[rng.nextInt(options.length)];
  }

  /** True with probability {@code percent}/100. */
  static boolean chance(Random rng, int percent) {
    return rng.nextInt(100) < percent;
  }

  /** An integer in {@code [from, to]}. */
  static int between(Random rng, int from, int to) {
    return from + rng.nextInt(to - from + 1);
  }

  static String chars(Random rng, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(rng.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  static String digits(Random rng, int length) {
    return chars(rng, DIGITS, length);
  }
}
