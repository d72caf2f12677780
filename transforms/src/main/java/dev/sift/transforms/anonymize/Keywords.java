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
 * would find them; others exactly. The pass reads each character once: it keeps the last three as
 * small codes and tests them against a bit set of the words' first three characters, which few
 * places in a text pass, so that most characters cost one test. Immutable and thread-safe.
 */
final class Keywords {
  private static final int ASCII = 128;

  /** Characters are coded in this many bits, so that three of them index a 4 KiB bit set. */
  private static final int CODE_BITS = 5;

  private static final int CODES = 1 << CODE_BITS;
  private static final int TRIGRAM_MASK = CODES * CODES * CODES - 1;

  private final String[] words;
  private final boolean[] ignoreCase;
  private final Map<String, Integer> ids = new HashMap<>();

  /**
   * Per character, the code of what {@link #fold} makes of it: each character that the words hold
   * within their first three has one of its own (shared once there are more of them than codes),
   * every other character 0, so that a trigram holding a 0 passes only as the third character after
   * a two-letter word. A table of every {@code char} (64 KiB, of which a text touches few lines)
   * spares the pass a test of whether a character is ASCII.
   */
  private final byte[] codes = new byte[Character.MAX_VALUE + 1];

  /** Word ids by the codes of their first two characters. */
  private final int[][] byPair = new int[CODES * CODES][];

  /**
   * The codes of the words' first three characters, as bits (every third for a two-letter word).
   */
  private final long[] trigrams = new long[CODES * CODES * CODES / Long.SIZE];

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
    byte[] foldedCodes = new byte[ASCII];
    int distinct = 0;
    for (String word : words) {
      for (int k = 0; k < Math.min(3, word.length()); k++) {
        int c = fold(word.charAt(k));
        if (foldedCodes[c] == 0) {
          foldedCodes[c] = (byte) (1 + distinct++ % (CODES - 1));
        }
      }
    }
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      int lower = fold((char) c);
      codes[c] = lower < ASCII ? foldedCodes[lower] : 0;
    }
    for (int id = 0; id < words.length; id++) {
      ignoreCase[id] = folded.get(id);
      int pair = codes[words[id].charAt(0)] << CODE_BITS | codes[words[id].charAt(1)];
      int[] ids = byPair[pair] == null ? new int[0] : byPair[pair];
      ids = Arrays.copyOf(ids, ids.length + 1);
      ids[ids.length - 1] = id;
      byPair[pair] = ids;
      if (words[id].length() == 2) {
        for (int third = 0; third < CODES; third++) {
          setTrigram(pair << CODE_BITS | third);
        }
      } else {
        setTrigram(pair << CODE_BITS | codes[words[id].charAt(2)]);
      }
    }
  }

  private void setTrigram(int trigram) {
    trigrams[trigram >>> 6] |= 1L << trigram;
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
    byte[] codes = this.codes;
    long[] trigrams = this.trigrams;
    int trigram = codes[text[0]] << CODE_BITS | codes[text[1]];
    for (int i = 2; i < n; i++) {
      trigram = (trigram << CODE_BITS | codes[text[i]]) & TRIGRAM_MASK;
      if ((trigrams[trigram >>> 6] & (1L << trigram)) != 0) {
        addWordsAt(text, i - 2, byPair[trigram >>> CODE_BITS], hits);
      }
    }
    // The last pair, followed by no character.
    trigram = (trigram << CODE_BITS) & TRIGRAM_MASK;
    if ((trigrams[trigram >>> 6] & (1L << trigram)) != 0) {
      addWordsAt(text, n - 2, byPair[trigram >>> CODE_BITS], hits);
    }
    return hits;
  }

  /**
   * Adds the {@code candidates} that occur at {@code at}: a place can pass the bit set and start
   * none, where a code is shared by several characters.
   */
  private void addWordsAt(char[] text, int at, int[] candidates, Hits hits) {
    for (int id : candidates) {
      if (matches(text, at, id)) {
        hits.add(id, at);
      }
    }
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
