package dev.sift.bench.dedup;

import java.util.List;
import java.util.Set;

/** Another tool's near-duplicate search, run on the same shingle sets for comparison. */
public interface SimilarityJoin {

  /** The tool's name and settings, as printed. */
  String describe();

  /**
   * The pairs of indices into {@code sets} (each as {@code min << 32 | max}) the tool reports at or
   * above Jaccard {@code threshold}.
   */
  Set<Long> pairs(List<long[]> sets, double threshold) throws Exception;
}
