package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nearest-rank statistics of a token histogram, checked by hand. */
class TokenStatsTest {

  @Test
  void minMedianP95MaxTotalAndEpochs() {
    // 20 examples: ten of 100 tokens, nine of 200, one of 1,000.
    var stats = TokenStats.render(Map.of(100, 10L, 200, 9L, 1000, 1L), 3);
    assertEquals(20, stats.get("examples").asLong());
    assertEquals(100, stats.get("min").asInt());
    assertEquals(100, stats.get("median").asInt()); // rank 10
    assertEquals(200, stats.get("p95").asInt()); // rank 19
    assertEquals(1000, stats.get("max").asInt());
    assertEquals(3800, stats.get("total").asLong());
    assertEquals(11400, stats.get("totalTimesEpochs").asLong());
  }

  @Test
  void anEmptyFileHasOnlyItsTotals() {
    var stats = TokenStats.render(Map.of(), 3);
    assertEquals(0, stats.get("examples").asLong());
    assertEquals(false, stats.has("median"));
  }
}
