package dev.sift.transforms.anonymize;

import java.util.Map;

/**
 * Bit flags of lower-case words, looked up by a word's characters in a text without making a string
 * of it: a recognizer tokenising a long text asks this of every word, and most words are in no
 * list. Open addressing on {@link String#hashCode}, which a tokeniser computes as it goes.
 * Immutable and thread-safe.
 */
final class WordTable {
  /**
   * Per slot, a word's hash in the high half and its index + 1 in the low half (0: an empty slot):
   * a probe reads one array, and the characters only on a matching hash.
   */
  private final long[] slots;

  /**
   * The words' characters one after another: word {@code i} is {@code [offsets[i], offsets[i+1])}.
   */
  private final char[] characters;

  private final int[] offsets;
  private final int[] flags;
  private final int mask;

  /** {@code flags}: lower-case words and their flags. */
  WordTable(Map<String, Integer> flags) {
    int capacity = Integer.highestOneBit(Math.max(4, flags.size() * 2) - 1) << 1;
    this.slots = new long[capacity];
    this.mask = capacity - 1;
    this.offsets = new int[flags.size() + 1];
    this.flags = new int[flags.size()];
    StringBuilder characters = new StringBuilder();
    int index = 0;
    for (Map.Entry<String, Integer> entry : flags.entrySet()) {
      String word = entry.getKey();
      int hash = word.hashCode();
      int slot = slot(hash);
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = (long) hash << 32 | (index + 1);
      this.flags[index] = entry.getValue();
      characters.append(word);
      offsets[++index] = characters.length();
    }
    this.characters = characters.toString().toCharArray();
  }

  /** The flags of {@code lower}, 0 when it is in no list. */
  int flags(String lower) {
    char[] text = lower.toCharArray();
    int hash = lower.hashCode();
    for (int slot = slot(hash); slots[slot] != 0; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      if ((int) (entry >>> 32) == hash && equals((int) entry - 1, text, 0, text.length, false)) {
        return flags[(int) entry - 1];
      }
    }
    return 0;
  }

  /**
   * The flags of the ASCII word {@code text[start, end)} in lower case, whose lower-case form has
   * the string hash {@code hash}.
   */
  int flagsOfAscii(char[] text, int start, int end, int hash) {
    for (int slot = slot(hash); slots[slot] != 0; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      if ((int) (entry >>> 32) == hash && equals((int) entry - 1, text, start, end, true)) {
        return flags[(int) entry - 1];
      }
    }
    return 0;
  }

  static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /**
   * Whether word {@code index} is {@code text[start, end)}, its ASCII capitals lowered if asked.
   */
  private boolean equals(int index, char[] text, int start, int end, boolean lowerAscii) {
    int from = offsets[index];
    if (offsets[index + 1] - from != end - start) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = lowerAscii ? lowerAscii(text[i]) : text[i];
      if (characters[from + i - start] != c) {
        return false;
      }
    }
    return true;
  }

  private int slot(int hash) {
    return (hash ^ (hash >>> 16)) * 0x9E3779B1 >>> 7 & mask;
  }
}
