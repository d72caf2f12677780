package dev.sift.transforms.quality;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Repetition inside one message, by the rules of Gopher (Rae et al. 2021, appendix A): the share of
 * duplicate lines, the share of characters in the most frequent word 2-, 3- and 4-gram, and the
 * share of characters in word 5- to 10-grams that occur more than once. {@link #ratio} is the
 * largest of these shares divided by its Gopher limit: above 1 the message is repetitive.
 */
final class Repetition {
  /** Fewer words than this give no stable shares (Gopher keeps documents of 50 words or more). */
  static final int MIN_WORDS = 50;

  static final double DUPLICATE_LINES = 0.30;
  private static final double[] TOP_NGRAM = {0.20, 0.18, 0.16}; // n = 2, 3, 4
  private static final double[] DUPLICATE_NGRAM = {0.15, 0.14, 0.13, 0.12, 0.11, 0.10}; // 5..10

  private Repetition() {}

  /** The largest share over its limit, 0 for a message too short to judge. */
  static double ratio(String text, Words words) {
    if (words.count < MIN_WORDS) {
      return 0;
    }
    double ratio = duplicateLineShare(text) / DUPLICATE_LINES;
    long characters = 0;
    for (int i = 0; i < words.count; i++) {
      characters += words.lengths[i];
    }
    for (int n = 2; n <= 4; n++) {
      ratio = Math.max(ratio, topNgramShare(words, n, characters) / TOP_NGRAM[n - 2]);
    }
    for (int n = 5; n <= 10; n++) {
      ratio = Math.max(ratio, duplicateNgramShare(words, n, characters) / DUPLICATE_NGRAM[n - 5]);
    }
    return ratio;
  }

  /** Lines that repeat an earlier non-blank line, over non-blank lines (0 under three lines). */
  static double duplicateLineShare(String text) {
    Set<String> seen = new HashSet<>();
    int lines = 0;
    int duplicates = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end).strip();
      if (!line.isEmpty()) {
        lines++;
        if (!seen.add(line)) {
          duplicates++;
        }
      }
      start = end + 1;
    }
    return lines < 3 ? 0 : (double) duplicates / lines;
  }

  /** Characters of the most frequent n-gram's occurrences (if it occurs twice or more). */
  static double topNgramShare(Words words, int n, long characters) {
    Map<Long, int[]> counts = new HashMap<>();
    long best = 0;
    for (int i = 0; i + n <= words.count; i++) {
      int[] count = counts.computeIfAbsent(ngram(words, i, n), key -> new int[1]);
      count[0]++;
      if (count[0] >= 2) {
        long chars = 0;
        for (int k = i; k < i + n; k++) {
          chars += words.lengths[k];
        }
        best = Math.max(best, chars * count[0]);
      }
    }
    return characters == 0 ? 0 : Math.min(1, (double) best / characters);
  }

  /** Characters of the words covered by n-grams that occur more than once. */
  static double duplicateNgramShare(Words words, int n, long characters) {
    Map<Long, Integer> first = new HashMap<>();
    boolean[] covered = new boolean[words.count];
    for (int i = 0; i + n <= words.count; i++) {
      Integer earlier = first.putIfAbsent(ngram(words, i, n), i);
      if (earlier != null) {
        for (int k = 0; k < n; k++) {
          covered[i + k] = true;
          covered[earlier + k] = true;
        }
      }
    }
    long chars = 0;
    for (int i = 0; i < words.count; i++) {
      if (covered[i]) {
        chars += words.lengths[i];
      }
    }
    return characters == 0 ? 0 : (double) chars / characters;
  }

  private static long ngram(Words words, int from, int n) {
    long hash = 0;
    for (int k = from; k < from + n; k++) {
      hash = dev.sift.transforms.dedup.Hash64.combine(hash, words.hashes[k]);
    }
    return hash;
  }
}
