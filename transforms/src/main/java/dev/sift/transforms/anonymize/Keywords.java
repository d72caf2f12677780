package dev.sift.transforms.anonymize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed set of ASCII words of two characters or more, found in a text in one pass: the cue words
 * and token prefixes of every recognizer (passwords' names, phone and birth-date cues, key prefixes
 * such as {@code AKIA} or {@code eyJ}, ...), where searching the text once per word would read it
 * dozens of times. Some words are matched ignoring case, as {@code text.toLowerCase(Locale.ROOT)}
 * would find them; others exactly. The pass looks up each pair of characters in a table of the
 * words' first two characters, so it reads each character about once. Immutable and thread-safe.
 */
final class Keywords {
  private static final int ASCII = 128;

  /** {@link #fold} of each ASCII character. */
  private static final byte[] FOLDED = new byte[ASCII];

  static {
    for (char c = 0; c < ASCII; c++) {
      FOLDED[c] = (byte) fold(c);
    }
  }

  private final String[] words;
  private final boolean[] ignoreCase;
  private final Map<String, Integer> ids = new HashMap<>();

  /** Word ids by the folded pair of their first two characters. */
  private final int[][] byPair = new int[ASCII * ASCII][];

  /** The pairs that start a word, as bits: small enough to stay in the closest cache. */
  private final long[] pairs = new long[ASCII * ASCII / Long.SIZE];

  /** Per pair, the third characters of its words as bits (all of them for a two-letter word). */
  private final long[] thirds = new long[ASCII * ASCII * 2];

  Keywords(List<String> ignoringCase, List<String> exactCase) {
    List<String> all = new ArrayList<>();
    List<Boolean> folded = new ArrayList<>();
    for (String word : ignoringCase) {
      add(word.toLowerCase(java.util.Locale.ROOT), true, all, folded);
    }
    for (String word : exactCase) {
      add(word, false, all, folded);
    }
    this.words = all.toArray(String[]::new);
    this.ignoreCase = new boolean[words.length];
    for (int id = 0; id < words.length; id++) {
      ignoreCase[id] = folded.get(id);
      int pair = fold(words[id].charAt(0)) * ASCII + fold(words[id].charAt(1));
      int[] ids = byPair[pair] == null ? new int[0] : byPair[pair];
      ids = Arrays.copyOf(ids, ids.length + 1);
      ids[ids.length - 1] = id;
      byPair[pair] = ids;
      pairs[pair >>> 6] |= 1L << pair;
      if (words[id].length() == 2) {
        thirds[2 * pair] = -1L;
        thirds[2 * pair + 1] = -1L;
      } else {
        int third = fold(words[id].charAt(2));
        thirds[2 * pair + (third >>> 6)] |= 1L << third;
      }
    }
  }

  private void add(String word, boolean fold, List<String> all, List<Boolean> folded) {
    if (word.length() < 2 || !word.chars().allMatch(c -> c < ASCII)) {
      throw new IllegalArgumentException("Not an ASCII word of two characters or more: " + word);
    }
    String key = key(word, fold);
    if (!ids.containsKey(key)) {
      ids.put(key, all.size());
      all.add(word);
      folded.add(fold);
    }
  }

  private static String key(String word, boolean ignoreCase) {
    return (ignoreCase ? "i:" : "e:") + word;
  }

  /** Where each word occurs in {@code text}. */
  Hits find(char[] text) {
    Hits hits = new Hits();
    int n = text.length;
    if (n < 2) {
      return hits;
    }
    int first = key(text[0]);
    int second = key(text[1]);
    for (int i = 0; i + 1 < n; i++) {
      int third = i + 2 < n ? key(text[i + 2]) : 0;
      int pair = first << 7 | second;
      if ((pairs[pair >>> 6] & (1L << pair)) != 0
          && (thirds[2 * pair + (third >>> 6)] & (1L << third)) != 0) {
        for (int id : byPair[pair]) {
          if (matches(text, i, id)) {
            hits.add(id, i);
          }
        }
      }
      first = second;
      second = third;
    }
    return hits;
  }

  /**
   * A character as {@link #fold} has it when that is ASCII, else a NUL: no word holds one, so a
   * pair with a NUL starts none, and a NUL third character lets only a two-letter word through.
   */
  private static int key(char c) {
    return c < ASCII ? FOLDED[c] : c == '\u212A' ? 'k' : c == '\u0130' ? 'i' : 0;
  }

  private boolean matches(char[] text, int at, int id) {
    String word = words[id];
    if (at + word.length() > text.length) {
      return false;
    }
    boolean fold = ignoreCase[id];
    for (int k = 0; k < word.length(); k++) {
      char c = text[at + k];
      if (word.charAt(k) != (fold ? fold(c) : c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A character as lower-casing the text would make it, for the words matched ignoring case: ASCII
   * capitals, and the two other characters whose lower case is ASCII (the Kelvin sign, and the
   * dotted capital I, whose lower case is an i and a combining dot). Anything else is itself.
   */
  private static int fold(char c) {
    if (c < ASCII) {
      return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
    return c == '\u212A' ? 'k' : c == '\u0130' ? 'i' : c;
  }

  /** The id of a word given to the constructor. */
  int id(String word, boolean ignoringCase) {
    Integer id =
        ids.get(key(ignoringCase ? word.toLowerCase(java.util.Locale.ROOT) : word, ignoringCase));
    if (id == null) {
      throw new IllegalArgumentException("Not a keyword: " + word);
    }
    return id;
  }

  int length(int id) {
    return words[id].length();
  }

  /** Where the words occur in one text: ascending offsets per word id. */
  final class Hits {
    private int[][] offsets;
    private int[] counts;

    private void add(int id, int at) {
      if (offsets == null) {
        offsets = new int[words.length][];
        counts = new int[words.length];
      }
      int[] of = offsets[id];
      if (of == null) {
        of = offsets[id] = new int[2];
      } else if (counts[id] == of.length) {
        of = offsets[id] = Arrays.copyOf(of, of.length * 2);
      }
      of[counts[id]++] = at;
    }

    boolean contains(int id) {
      return counts != null && counts[id] > 0;
    }

    /** The offsets of word {@code id}, ascending. */
    int[] offsets(int id) {
      return contains(id) ? Arrays.copyOf(offsets[id], counts[id]) : new int[0];
    }
  }
}
