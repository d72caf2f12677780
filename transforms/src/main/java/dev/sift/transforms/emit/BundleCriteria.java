package dev.sift.transforms.emit;

import dev.sift.transforms.quality.Distributions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a set of chosen few-shot examples scores against all of its task's candidates
 * (docs/few-shot.md), with the quality stage's definitions (docs/quality-criteria.md): values
 * rounded to 4 decimals, computed in id order so that the same sets give the same numbers in any
 * order.
 *
 * @param examples examples chosen
 * @param candidates the task's candidates
 * @param totalTokens tokens of the chosen examples (non-system turns)
 * @param meanQuality mean quality score of the chosen; null without examples
 * @param representativeness {@code 1 − max(lengthDivergence, topicDivergence)}; null without
 *     examples
 * @param lengthDivergence Jensen-Shannon divergence in bits between the chosen and all candidates
 *     over token-length buckets; null without examples
 * @param topicDivergence the same over topic cells; null without examples
 * @param diversity mean of {@code 1 − cosine} over the pairs of chosen examples; null for fewer
 *     than two
 * @param topicCellsCovered distinct topic cells among the chosen
 * @param topicCellsPresent distinct topic cells among all candidates
 * @param topicCoverage covered / present; null without candidates
 */
public record BundleCriteria(
    int examples,
    int candidates,
    long totalTokens,
    @Nullable Double meanQuality,
    @Nullable Double representativeness,
    @Nullable Double lengthDivergence,
    @Nullable Double topicDivergence,
    @Nullable Double diversity,
    int topicCellsCovered,
    int topicCellsPresent,
    @Nullable Double topicCoverage)
    implements Serializable {

  /** The criteria of {@code chosen}, a subset of {@code all}. */
  public static BundleCriteria of(List<FewShotCandidate> chosen, List<FewShotCandidate> all) {
    List<FewShotCandidate> picked = new ArrayList<>(chosen);
    picked.sort(Comparator.comparing(FewShotCandidate::id));
    long tokens = 0;
    double quality = 0;
    for (FewShotCandidate candidate : picked) {
      tokens += candidate.tokens();
      quality += candidate.quality();
    }
    Set<Integer> covered = topics(picked);
    int present = topics(all).size();
    Double coverage = present == 0 ? null : round((double) covered.size() / present);
    if (picked.isEmpty()) {
      return new BundleCriteria(
          0, all.size(), 0, null, null, null, null, null, 0, present, coverage);
    }
    double lengths = Distributions.jensenShannon(lengthBuckets(picked), lengthBuckets(all));
    double topics = Distributions.jensenShannon(topicCells(picked), topicCells(all));
    return new BundleCriteria(
        picked.size(),
        all.size(),
        tokens,
        round(quality / picked.size()),
        round(1 - Math.max(lengths, topics)),
        round(lengths),
        round(topics),
        picked.size() < 2 ? null : round(meanPairwiseDistance(picked)),
        covered.size(),
        present,
        coverage);
  }

  private static Set<Integer> topics(List<FewShotCandidate> candidates) {
    Set<Integer> topics = new TreeSet<>();
    candidates.forEach(candidate -> topics.add(candidate.topic()));
    return topics;
  }

  private static Map<Integer, Long> lengthBuckets(List<FewShotCandidate> candidates) {
    Map<Integer, Long> counts = new TreeMap<>();
    candidates.forEach(candidate -> counts.merge(candidate.lengthBucket(), 1L, Long::sum));
    return counts;
  }

  private static Map<Integer, Long> topicCells(List<FewShotCandidate> candidates) {
    Map<Integer, Long> counts = new TreeMap<>();
    candidates.forEach(candidate -> counts.merge(candidate.topic(), 1L, Long::sum));
    return counts;
  }

  private static double meanPairwiseDistance(List<FewShotCandidate> picked) {
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < picked.size(); i++) {
      for (int j = i + 1; j < picked.size(); j++) {
        sum += 1 - picked.get(i).cosine(picked.get(j));
        pairs++;
      }
    }
    return sum / pairs;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
