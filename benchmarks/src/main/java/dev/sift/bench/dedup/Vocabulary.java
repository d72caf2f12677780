package dev.sift.bench.dedup;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Pseudo-words drawn with Zipf frequencies (a few very common words, a long tail of rare ones, as
 * in real text), lower-case letters only so that no dedup mask touches them. Fixed by the seed.
 */
final class Vocabulary {
  private static final String[] SYLLABLES = {
    "ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "zu", "da", "fe", "go", "hi", "ju", "pa",
    "qe", "ro", "sy", "wa", "an", "el", "in", "or", "us", "ter", "man", "sol", "pri", "cla"
  };

  private final String[] words;
  private final double[] cumulative;

  Vocabulary(int size, double exponent, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    words = new String[size];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < size; ) {
      StringBuilder word = new StringBuilder();
      int syllables = 1 + random.nextInt(4);
      for (int s = 0; s < syllables; s++) {
        word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      if (seen.add(word.toString())) {
        words[i++] = word.toString();
      }
    }
    cumulative = new double[size];
    double total = 0;
    for (int rank = 0; rank < size; rank++) {
      total += 1 / Math.pow(rank + 1, exponent);
      cumulative[rank] = total;
    }
    for (int rank = 0; rank < size; rank++) {
      cumulative[rank] /= total;
    }
  }

  String draw(SplittableRandom random) {
    int rank = Arrays.binarySearch(cumulative, random.nextDouble());
    return words[Math.min(words.length - 1, rank < 0 ? -rank - 1 : rank)];
  }
}
