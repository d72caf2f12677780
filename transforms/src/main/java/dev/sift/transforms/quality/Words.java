package dev.sift.transforms.quality;

import dev.sift.transforms.dedup.Hash64;
import java.util.Arrays;
import java.util.Set;

/**
 * The words of a text, found by one scan (letters and digits; anything else separates words), as
 * 64-bit hashes of their lower-case form, their lengths in characters, and their terms: the hash of
 * the word's stem ({@link #stemEnd}), or 0 for a stop word, a number or a one-letter word, which
 * weigh nothing for relevance. Hashes are fixed by this code, so every runner computes the same
 * ones.
 */
final class Words {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** Common English function words; a short list, as TF-IDF already discounts frequent words. */
  private static final long[] STOP_WORDS =
      Set.of(
              "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
              "be", "because", "been", "before", "but", "by", "can", "could", "did", "do", "does",
              "for", "from", "get", "got", "had", "has", "have", "he", "her", "here", "hi", "him",
              "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "let", "me", "my",
              "no", "not", "now", "of", "on", "once", "one", "only", "or", "our", "out", "please",
              "she", "should", "so", "some", "than", "thank", "thanks", "that", "the", "their",
              "them", "then", "there", "these", "they", "this", "to", "up", "us", "very", "was",
              "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with",
              "would", "yes", "you", "your")
          .stream()
          .mapToLong(word -> hash(word, 0, word.length()))
          .sorted()
          .toArray();

  final long[] hashes;
  final long[] terms;
  final int[] lengths;
  final int count;

  private Words(long[] hashes, long[] terms, int[] lengths, int count) {
    this.hashes = hashes;
    this.terms = terms;
    this.lengths = lengths;
    this.count = count;
  }

  static Words of(String text) {
    int capacity = Math.max(4, text.length() / 5);
    long[] hashes = new long[capacity];
    long[] terms = new long[capacity];
    int[] lengths = new int[capacity];
    int count = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (i == start) {
        break;
      }
      if (count == hashes.length) {
        hashes = Arrays.copyOf(hashes, count * 2);
        terms = Arrays.copyOf(terms, count * 2);
        lengths = Arrays.copyOf(lengths, count * 2);
      }
      long hash = hash(text, start, i);
      hashes[count] = hash;
      lengths[count] = i - start;
      terms[count] = term(text, start, i, hash);
      count++;
    }
    return new Words(hashes, terms, lengths, count);
  }

  /** The lower-case hash of {@code text[start, end)}. */
  static long hash(CharSequence text, int start, int end) {
    long hash = FNV_OFFSET;
    for (int i = start; i < end; i++) {
      hash = (hash ^ Character.toLowerCase(text.charAt(i))) * FNV_PRIME;
    }
    return Hash64.mix(hash);
  }

  private static long term(String text, int start, int end, long hash) {
    int length = end - start;
    if (length < 2 || Character.isDigit(text.charAt(start))) {
      return 0;
    }
    if (Arrays.binarySearch(STOP_WORDS, hash) >= 0) {
      return 0;
    }
    int stem = stemEnd(text, start, end);
    return stem == end ? hash : hash(text, start, stem);
  }

  /**
   * Where a light English stemmer cuts the word: {@code -ing}, {@code -ed}, {@code -es}, {@code -s}
   * and then a final {@code -e} go, so "charged", "charges" and "charge" share a term, as do
   * "invoices" and "invoice". Cruder than Porter's, and enough to match a spec's keywords.
   */
  static int stemEnd(CharSequence text, int start, int end) {
    int stem = end;
    if (endsWith(text, start, stem, "ing") && stem - start > 5) {
      stem -= 3;
    } else if (endsWith(text, start, stem, "ed") && stem - start > 4) {
      stem -= 2;
    } else if (endsWith(text, start, stem, "es") && stem - start > 4) {
      stem -= 2;
    } else if (endsWith(text, start, stem, "s")
        && !endsWith(text, start, stem, "ss")
        && stem - start > 3) {
      stem -= 1;
    }
    if (endsWith(text, start, stem, "e") && stem - start > 4) {
      stem -= 1;
    }
    return stem;
  }

  private static boolean endsWith(CharSequence text, int start, int end, String suffix) {
    if (end - start < suffix.length()) {
      return false;
    }
    for (int i = 0; i < suffix.length(); i++) {
      if (Character.toLowerCase(text.charAt(end - suffix.length() + i)) != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
