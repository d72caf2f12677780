package dev.sift.transforms.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.transforms.json.Json;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Exact token statistics of a fine-tuning file: how many examples have each token count (a few
 * thousand distinct counts at most, since {@code emit.maxExampleTokens} bounds them), from which
 * the minimum, nearest-rank median and 95th percentile, maximum and total follow, and the total
 * times the spec's epochs, which is what a hosted fine-tuning run bills.
 */
final class TokenStats {
  private TokenStats() {}

  static ObjectNode render(Map<Integer, Long> histogram, int epochs) {
    ObjectNode node = Json.object();
    long examples = 0;
    long total = 0;
    for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
      examples += entry.getValue();
      total += entry.getKey() * entry.getValue();
    }
    node.put("examples", examples);
    if (examples > 0) {
      TreeMap<Integer, Long> sorted = new TreeMap<>(histogram);
      node.put("min", sorted.firstKey());
      node.put("median", rank(sorted, examples, 0.5));
      node.put("p95", rank(sorted, examples, 0.95));
      node.put("max", sorted.lastKey());
    }
    node.put("total", total);
    node.put("epochs", epochs);
    node.put("totalTimesEpochs", total * epochs);
    return node;
  }

  /**
   * The nearest-rank q-quantile: the smallest count with at least ceil(q x n) examples at or below.
   */
  static int rank(TreeMap<Integer, Long> sorted, long examples, double q) {
    long rank = Math.max(1, (long) Math.ceil(q * examples));
    long seen = 0;
    for (Map.Entry<Integer, Long> entry : sorted.entrySet()) {
      seen += entry.getValue();
      if (seen >= rank) {
        return entry.getKey();
      }
    }
    return sorted.lastKey();
  }

  /** Counts examples per token count. */
  static final class HistogramFn
      extends Combine.CombineFn<Integer, Map<Integer, Long>, Map<Integer, Long>> {
    @Override
    public Map<Integer, Long> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public Map<Integer, Long> addInput(Map<Integer, Long> histogram, Integer tokens) {
      histogram.merge(tokens, 1L, Long::sum);
      return histogram;
    }

    @Override
    public Map<Integer, Long> mergeAccumulators(Iterable<Map<Integer, Long>> histograms) {
      Map<Integer, Long> merged = new TreeMap<>();
      histograms.forEach(h -> h.forEach((tokens, n) -> merged.merge(tokens, n, Long::sum)));
      return merged;
    }

    @Override
    public Map<Integer, Long> extractOutput(Map<Integer, Long> histogram) {
      return histogram;
    }

    @Override
    public Coder<Map<Integer, Long>> getAccumulatorCoder(
        CoderRegistry registry, Coder<Integer> inputCoder) {
      return MapCoder.of(VarIntCoder.of(), VarLongCoder.of());
    }

    @Override
    public Coder<Map<Integer, Long>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<Integer> inputCoder) {
      return MapCoder.of(VarIntCoder.of(), VarLongCoder.of());
    }
  }
}
