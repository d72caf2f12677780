package dev.sift.transforms.emit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses a task's few-shot examples: up to k conversations that are representative and diverse at
 * once, whose tokens fit a budget (docs/few-shot.md).
 *
 * <p><b>Relevance.</b> A candidate's centrality is its mean cosine similarity to every other
 * candidate of the task. With unit vectors that is {@code (v·S − v·v) / (n − 1)}, {@code S} the sum
 * of all vectors, so it is exact in O(n · terms), with no sampling. Centrality is divided by the
 * task's largest, and relevance = quality score × centrality, in [0, 1]: a typical conversation of
 * high quality.
 *
 * <p><b>Greedy MMR with topic coverage.</b> Maximal Marginal Relevance (Carbonell and Goldstein,
 * 1998) adds one example at a time, the candidate maximising
 *
 * <pre>  λ · relevance − (1 − λ) · max cosine to the examples chosen + β · [its topic cell is new]
 * </pre>
 *
 * The first pick is therefore the candidate of highest quality × centrality. The similarity penalty
 * keeps near copies of a chosen example out; the bonus β (as large as any difference the first two
 * terms can make) makes the examples cover distinct topic cells first, so that a task with a few
 * well-separated topics gets one example from each even when one topic is much smaller: centrality
 * alone favours the largest topic, and relevance decides only among the cells not yet covered, and
 * once all are covered. A candidate without terms (its text is all stop words) is treated as a copy
 * of every example once one is chosen: nothing says it adds anything.
 *
 * <p><b>Token budget.</b> A candidate whose tokens exceed what the budget has left is skipped at
 * that step; selection stops at k examples or when no candidate fits. A budget below every
 * candidate's tokens gives no examples: the caller reports why.
 *
 * <p><b>Determinism.</b> Candidates are sorted by id before anything is summed, and ties go to the
 * smaller id, so any order of the same candidates gives the same examples. Cost: O(n · terms) for
 * centrality, then k passes over the candidates with one sparse cosine each: O(n · k) cosines.
 */
public final class FewShotSelector implements Serializable {

  /** λ: weight of relevance against the similarity to the examples already chosen. */
  public static final double DEFAULT_LAMBDA = 0.5;

  /** β: bonus of a candidate from a topic cell no chosen example covers yet. */
  public static final double DEFAULT_TOPIC_BONUS = 1.0;

  private static final Comparator<FewShotCandidate> BY_ID =
      Comparator.comparing(FewShotCandidate::id);

  private final double lambda;
  private final double topicBonus;

  /** The selector with {@link #DEFAULT_LAMBDA} and {@link #DEFAULT_TOPIC_BONUS}. */
  public FewShotSelector() {
    this(DEFAULT_LAMBDA, DEFAULT_TOPIC_BONUS);
  }

  public FewShotSelector(double lambda, double topicBonus) {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
    }
    if (!(topicBonus >= 0)) {
      throw new IllegalArgumentException("the topic bonus must be >= 0, got " + topicBonus);
    }
    this.lambda = lambda;
    this.topicBonus = topicBonus;
  }

  /**
   * Up to {@code k} of {@code candidates} (ids distinct), in the order chosen, whose tokens sum to
   * at most {@code tokenBudget}.
   */
  public List<FewShotCandidate> select(List<FewShotCandidate> candidates, int k, int tokenBudget) {
    if (k < 0 || tokenBudget < 0) {
      throw new IllegalArgumentException(
          "k and the token budget must be >= 0, got " + k + " and " + tokenBudget);
    }
    List<FewShotCandidate> sorted = new ArrayList<>(candidates);
    sorted.sort(BY_ID);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalArgumentException("candidate " + sorted.get(i).id() + " appears twice");
      }
    }
    int n = sorted.size();
    double[] relevance = relevance(sorted);
    double[] maxSimilarity = new double[n];
    boolean[] chosen = new boolean[n];
    Set<Integer> coveredTopics = new HashSet<>();
    List<FewShotCandidate> examples = new ArrayList<>();
    int budgetLeft = tokenBudget;
    while (examples.size() < k) {
      int best = -1;
      double bestScore = 0;
      for (int i = 0; i < n; i++) {
        FewShotCandidate candidate = sorted.get(i);
        if (chosen[i] || candidate.tokens() > budgetLeft) {
          continue;
        }
        double score =
            lambda * relevance[i]
                - (1 - lambda) * maxSimilarity[i]
                + (coveredTopics.contains(candidate.topic()) ? 0 : topicBonus);
        if (best < 0 || score > bestScore) {
          best = i;
          bestScore = score;
        }
      }
      if (best < 0) {
        break;
      }
      FewShotCandidate pick = sorted.get(best);
      chosen[best] = true;
      examples.add(pick);
      coveredTopics.add(pick.topic());
      budgetLeft -= pick.tokens();
      for (int i = 0; i < n; i++) {
        if (!chosen[i]) {
          FewShotCandidate other = sorted.get(i);
          double similarity = other.emptyVector() ? 1 : other.cosine(pick);
          maxSimilarity[i] = Math.max(maxSimilarity[i], similarity);
        }
      }
    }
    return examples;
  }

  /**
   * Quality × centrality / the largest centrality, in id order. When no two candidates share a term
   * (or there is only one), centrality says nothing and relevance is the quality score.
   */
  static double[] relevance(List<FewShotCandidate> sortedById) {
    int n = sortedById.size();
    Map<Integer, Double> sum = new HashMap<>();
    for (FewShotCandidate candidate : sortedById) {
      candidate.addTo(sum);
    }
    double[] centrality = new double[n];
    double largest = 0;
    for (int i = 0; i < n; i++) {
      FewShotCandidate candidate = sortedById.get(i);
      if (n > 1 && !candidate.emptyVector()) {
        double toAll = candidate.dot(term -> sum.getOrDefault(term, 0.0));
        centrality[i] = Math.max(0, (toAll - 1) / (n - 1));
        largest = Math.max(largest, centrality[i]);
      }
    }
    double[] relevance = new double[n];
    for (int i = 0; i < n; i++) {
      double normalised = largest > 0 ? centrality[i] / largest : 1;
      relevance[i] = sortedById.get(i).quality() * normalised;
    }
    return relevance;
  }
}
