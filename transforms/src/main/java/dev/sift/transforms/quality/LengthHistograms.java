package dev.sift.transforms.quality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sift.transforms.json.Json;

/**
 * The fixed bins of the report's two length histograms of kept conversations, so that partial
 * counts merge exactly and the report stays small whatever the run's size: turns (non-system
 * messages) in {@value #TURN_BINS} bins that widen with the length, and tokens in half-octave bins
 * (8-11, 12-15, 16-23, 24-31, ...: each bin ends where the next power of two or its one and a half
 * starts), at most {@value #TOKEN_BINS} of them for any int count.
 */
final class LengthHistograms {
  /** First turn count of each bin after the first (which starts at 0). */
  private static final int[] TURN_STARTS = {2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65};

  static final int TURN_BINS = TURN_STARTS.length + 1;

  /** Bin 0 holds 0-7 tokens; then two bins per power of two from 8 up to 2^31 - 1. */
  static final int TOKEN_BINS = 1 + 2 * (31 - 3);

  private LengthHistograms() {}

  static int turnBin(int turns) {
    int bin = 0;
    while (bin < TURN_STARTS.length && turns >= TURN_STARTS[bin]) {
      bin++;
    }
    return bin;
  }

  static int tokenBin(int tokens) {
    if (tokens < 8) {
      return 0;
    }
    int power = 31 - Integer.numberOfLeadingZeros(tokens);
    boolean upperHalf = tokens >= 3L << (power - 1);
    return 1 + 2 * (power - 3) + (upperHalf ? 1 : 0);
  }

  static long tokenBinStart(int bin) {
    if (bin == 0) {
      return 0;
    }
    int power = 3 + (bin - 1) / 2;
    return (bin - 1) % 2 == 0 ? 1L << power : 3L << (power - 1);
  }

  static long turnBinStart(int bin) {
    return bin == 0 ? 1 : TURN_STARTS[bin - 1];
  }

  /**
   * The bins from the first non-empty one to the last, empty ones between included, as {@code
   * {from, to, conversations}} with both ends inclusive; the last turn bin is open ({@code to}
   * null).
   */
  static ArrayNode turns(long[] counts) {
    return render(counts, true);
  }

  static ArrayNode tokens(long[] counts) {
    return render(counts, false);
  }

  private static ArrayNode render(long[] counts, boolean turns) {
    ArrayNode bins = Json.mapper().createArrayNode();
    int first = 0;
    while (first < counts.length && counts[first] == 0) {
      first++;
    }
    int last = counts.length - 1;
    while (last >= first && counts[last] == 0) {
      last--;
    }
    for (int bin = first; bin <= last; bin++) {
      var node = bins.addObject();
      node.put("from", turns ? turnBinStart(bin) : tokenBinStart(bin));
      if (turns && bin == counts.length - 1) {
        node.putNull("to");
      } else {
        long next = turns ? turnBinStart(bin + 1) : tokenBinStart(bin + 1);
        node.put("to", next - 1);
      }
      node.put("conversations", counts[bin]);
    }
    return bins;
  }
}
