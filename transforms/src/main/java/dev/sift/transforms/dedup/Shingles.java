package dev.sift.transforms.dedup;

import java.util.Arrays;

/**
 * The shingle set of a folded key text ({@code role: text} lines), as sorted distinct 64-bit
 * hashes: word n-grams, or character 5-grams of each turn for texts of fewer than 2n words, where
 * one changed word would change most word n-grams. The two kinds are hashed with different seeds,
 * so they never match each other.
 */
final class Shingles {
  static final int CHARACTERS = 5;
  private static final long WORD_SEED = 0x5157_4f52_4453L;
  private static final long SHINGLE_SEED = 0x5348_494eL;
  private static final long CHARACTER_SEED = 0x4348_4152_53L;
  private static final long ROLE_SEED = 0x524f_4c45L;

  private Shingles() {}

  /** The shingle hashes of {@code text}, sorted and distinct; empty for an empty text. */
  static long[] of(String text, int wordsPerShingle) {
    long[] words = wordHashes(text);
    if (words.length == 0) {
      return new long[0];
    }
    long[] shingles =
        words.length < 2 * wordsPerShingle
            ? characterShingles(text)
            : wordShingles(words, wordsPerShingle);
    return distinctSorted(shingles);
  }

  /** Words are runs of letters, digits and the mask brackets; everything else separates them. */
  private static long[] wordHashes(String text) {
    long[] hashes = new long[16];
    int count = 0;
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean inWord = i < text.length() && isWordChar(text.charAt(i));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        if (count == hashes.length) {
          hashes = Arrays.copyOf(hashes, count * 2);
        }
        hashes[count++] = Hash64.of(text, start, i, WORD_SEED);
        start = -1;
      }
    }
    return Arrays.copyOf(hashes, count);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '<' || c == '>' || c == '_' || isMark(c);
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static long[] wordShingles(long[] words, int n) {
    long[] shingles = new long[words.length - n + 1];
    for (int start = 0; start < shingles.length; start++) {
      long hash = SHINGLE_SEED;
      for (int k = 0; k < n; k++) {
        hash = Hash64.combine(hash, words[start + k]);
      }
      shingles[start] = hash;
    }
    return shingles;
  }

  /**
   * Character 5-grams of each turn's text, hashed with the turn's role; the {@code role: } prefixes
   * themselves are left out, or every two short conversations would share the shingles of {@code
   * user: } and {@code assistant: } and look alike. A turn of five characters or fewer is one
   * shingle.
   */
  private static long[] characterShingles(String text) {
    long[] shingles = new long[2 * text.length() + 2];
    int count = 0;
    for (String line : text.split("\n")) {
      int colon = line.indexOf(": ");
      int start = colon < 0 ? 0 : colon + 2;
      long seed = Hash64.combine(CHARACTER_SEED, Hash64.of(line, 0, Math.max(0, colon), ROLE_SEED));
      if (line.length() - start <= CHARACTERS) {
        shingles[count++] = Hash64.of(line, start, line.length(), seed);
      } else {
        for (int i = start; i + CHARACTERS <= line.length(); i++) {
          shingles[count++] = Hash64.of(line, i, i + CHARACTERS, seed);
        }
      }
    }
    return Arrays.copyOf(shingles, count);
  }

  private static long[] distinctSorted(long[] values) {
    Arrays.sort(values);
    int distinct = 0;
    for (int i = 0; i < values.length; i++) {
      if (i == 0 || values[i] != values[i - 1]) {
        values[distinct++] = values[i];
      }
    }
    return Arrays.copyOf(values, distinct);
  }
}
