package dev.sift.transforms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class LengthHistogramsTest {

  @Test
  void tokenBinsAreHalfOctaves() {
    assertEquals(0, LengthHistograms.tokenBin(0));
    assertEquals(0, LengthHistograms.tokenBin(7));
    assertEquals(1, LengthHistograms.tokenBin(8));
    assertEquals(1, LengthHistograms.tokenBin(11));
    assertEquals(2, LengthHistograms.tokenBin(12));
    assertEquals(3, LengthHistograms.tokenBin(16));
    assertEquals(4, LengthHistograms.tokenBin(24));
    assertEquals(LengthHistograms.TOKEN_BINS - 1, LengthHistograms.tokenBin(Integer.MAX_VALUE));
    for (int bin = 0; bin < LengthHistograms.TOKEN_BINS; bin++) {
      long start = LengthHistograms.tokenBinStart(bin);
      assertEquals(bin, LengthHistograms.tokenBin((int) start), "start of bin " + bin);
      assertEquals(
          bin,
          LengthHistograms.tokenBin((int) (LengthHistograms.tokenBinStart(bin + 1) - 1)),
          "end of bin " + bin);
    }
  }

  @Test
  void turnBinsWidenWithTheLength() {
    assertEquals(0, LengthHistograms.turnBin(1));
    assertEquals(1, LengthHistograms.turnBin(2));
    assertEquals(4, LengthHistograms.turnBin(5));
    assertEquals(4, LengthHistograms.turnBin(6));
    assertEquals(LengthHistograms.TURN_BINS - 1, LengthHistograms.turnBin(1_000));
  }

  @Test
  void theHistogramRunsFromTheFirstNonEmptyBinToTheLastWithEmptyOnesBetween() {
    long[] tokens = new long[LengthHistograms.TOKEN_BINS];
    tokens[LengthHistograms.tokenBin(20)] = 3;
    tokens[LengthHistograms.tokenBin(40)] = 1;

    JsonNode bins = LengthHistograms.tokens(tokens);

    assertEquals(
        "[{\"from\":16,\"to\":23,\"conversations\":3},{\"from\":24,\"to\":31,\"conversations\":0},"
            + "{\"from\":32,\"to\":47,\"conversations\":1}]",
        bins.toString());
  }

  @Test
  void theLastTurnBinIsOpen() {
    long[] turns = new long[LengthHistograms.TURN_BINS];
    turns[LengthHistograms.turnBin(100)] = 2;

    assertEquals(
        "[{\"from\":65,\"to\":null,\"conversations\":2}]",
        LengthHistograms.turns(turns).toString());
  }

  @Test
  void anEmptyHistogramHasNoBins() {
    assertEquals(0, LengthHistograms.tokens(new long[LengthHistograms.TOKEN_BINS]).size());
  }
}
