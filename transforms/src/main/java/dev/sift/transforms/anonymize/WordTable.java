package dev.sift.transforms.anonymize;

import java.util.Map;

/**
 * Bit flags of lower-case words, looked up by a word's characters in a text without making a string
 * of it: a recognizer tokenising a long text asks this of every word, and most words are in no
 * list. Open addressing on {@link String#hashCode}, which a tokeniser computes as it goes.
 * Immutable and thread-safe.
 */
final class WordTable {
  private final String[] keys;
  private final int[] hashes;
  private final int[] flags;
  private final int mask;

  /** {@code flags}: lower-case words and their flags. */
  WordTable(Map<String, Integer> flags) {
    int capacity = Integer.highestOneBit(Math.max(4, flags.size() * 4) - 1) << 1;
    this.keys = new String[capacity];
    this.hashes = new int[capacity];
    this.flags = new int[capacity];
    this.mask = capacity - 1;
    flags.forEach(
        (word, value) -> {
          int slot = slot(word.hashCode());
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = word;
          hashes[slot] = word.hashCode();
          this.flags[slot] = value;
        });
  }

  /** The flags of {@code lower}, 0 when it is in no list. */
  int flags(String lower) {
    int hash = lower.hashCode();
    for (int slot = slot(hash); keys[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash && keys[slot].equals(lower)) {
        return flags[slot];
      }
    }
    return 0;
  }

  /**
   * The flags of the ASCII word {@code text[start, end)} in lower case, whose lower-case form has
   * the string hash {@code hash}.
   */
  int flagsOfAscii(char[] text, int start, int end, int hash) {
    for (int slot = slot(hash); keys[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash && equalsLowerAscii(keys[slot], text, start, end)) {
        return flags[slot];
      }
    }
    return 0;
  }

  /** The string hash of {@code text[start, end)} with its ASCII capitals in lower case. */
  static int lowerAsciiHash(char[] text, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + lowerAscii(text[i]);
    }
    return hash;
  }

  static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static boolean equalsLowerAscii(String key, char[] text, int start, int end) {
    if (key.length() != end - start) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) != lowerAscii(text[start + i])) {
        return false;
      }
    }
    return true;
  }

  private int slot(int hash) {
    return (hash ^ (hash >>> 16)) * 0x9E3779B1 >>> 7 & mask;
  }
}
