package dev.sift.bench.dedup;

import dev.sift.bench.PseudoWords;
import java.util.HashSet;
import java.util.SplittableRandom;

/**
 * Pseudo-words of one to four syllables drawn with Zipf frequencies ({@link PseudoWords}). Fixed by
 * the seed.
 */
final class Vocabulary {
  private final String[] words;
  private final double[] cumulative;

  Vocabulary(int size, double exponent, long seed) {
    words = PseudoWords.distinct(new SplittableRandom(seed), size, 1, 4, new HashSet<>());
    cumulative = PseudoWords.zipf(size, exponent);
  }

  String draw(SplittableRandom random) {
    return words[PseudoWords.draw(cumulative, random)];
  }
}
