package dev.sift.bench;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generated text for benches: pseudo-words of a few syllables (lower-case letters only, so that no
 * anonymiser or dedup mask touches them) and Zipf frequencies (a few very common words, a long tail
 * of rare ones, as in real text). Everything is fixed by the random stream given.
 */
public final class PseudoWords {
  private static final String[] SYLLABLES = {
    "ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "zu", "da", "fe", "go", "hi", "ju", "pa",
    "qe", "ro", "sy", "wa", "an", "el", "in", "or", "us", "ter", "man", "sol", "pri", "cla"
  };

  private PseudoWords() {}

  /**
   * {@code size} distinct words of {@code minSyllables} to {@code maxSyllables} syllables, none of
   * them already in {@code seen}, to which they are added.
   */
  public static String[] distinct(
      SplittableRandom random, int size, int minSyllables, int maxSyllables, Set<String> seen) {
    String[] words = new String[size];
    for (int i = 0; i < size; ) {
      StringBuilder word = new StringBuilder();
      int syllables = minSyllables + random.nextInt(maxSyllables - minSyllables + 1);
      for (int s = 0; s < syllables; s++) {
        word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      if (seen.add(word.toString())) {
        words[i++] = word.toString();
      }
    }
    return words;
  }

  /** The cumulative Zipf distribution over ranks 0 to {@code size - 1}: rank r weighs 1/(r+1)^e. */
  public static double[] zipf(int size, double exponent) {
    double[] cumulative = new double[size];
    double total = 0;
    for (int rank = 0; rank < size; rank++) {
      total += 1 / Math.pow(rank + 1, exponent);
      cumulative[rank] = total;
    }
    for (int rank = 0; rank < size; rank++) {
      cumulative[rank] /= total;
    }
    return cumulative;
  }

  /** A rank drawn from a cumulative distribution of {@link #zipf}. */
  public static int draw(double[] cumulative, SplittableRandom random) {
    int rank = Arrays.binarySearch(cumulative, random.nextDouble());
    return Math.min(cumulative.length - 1, rank < 0 ? -rank - 1 : rank);
  }
}
