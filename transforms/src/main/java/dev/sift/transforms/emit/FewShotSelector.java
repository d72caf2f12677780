package dev.sift.transforms.emit;

import dev.sift.transforms.quality.Distributions;
import dev.sift.transforms.quality.Embeddings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses a task's few-shot examples: up to k conversations that are representative and diverse at
 * once, whose tokens fit a budget (docs/few-shot.md has the reasoning and the bench figures).
 *
 * <p><b>Vectors.</b> Cosines are between the candidates' sentence embeddings when every candidate
 * has one (the quality stage's semantic mode scored the task), else between their TF-IDF vectors.
 *
 * <p><b>Relevance</b> = quality score × centrality / the task's largest centrality, in [0, 1]: a
 * typical conversation of high quality. Centrality is the mean cosine similarity to every other
 * candidate; with unit vectors that is {@code (v·S − 1) / (n − 1)}, {@code S} the sum of all
 * vectors, so it is exact in O(n · terms), without sampling.
 *
 * <p><b>Redundancy</b> of a candidate = max over the chosen examples of cosine / the candidate's
 * neighbourhood similarity (the mean of its {@value #NEIGHBOURS} largest cosines to a sample of
 * {@value #REFERENCES} candidates), at most 1: 1 when a chosen example is as close to it as its own
 * near neighbours are, so it is already stood for. Dividing by the neighbourhood makes the penalty
 * independent of how similar texts are in absolute terms: lexical cosines inside one topic are
 * often only 0.1 to 0.3, and a raw max cosine would then not outweigh centrality, which grows with
 * a topic's size, so small topics would never be chosen.
 *
 * <p><b>Greedy.</b> Maximal Marginal Relevance (Carbonell and Goldstein, 1998) with the bundle's
 * own representativeness as a third term; each step adds the candidate maximising
 *
 * <pre>  λ · relevance − (1 − λ) · redundancy + γ · representativeness(chosen + candidate)</pre>
 *
 * with representativeness as {@link BundleCriteria} defines it (1 − the larger Jensen-Shannon
 * divergence over length buckets and topic cells). The first pick is the relevant candidate of the
 * most common length and cell; then a candidate far from every chosen example (an uncovered topic)
 * scores above any that is stood for, whatever their topics' sizes, so a task with a few
 * well-separated topics gets one example from each; once all are stood for, relevance and
 * representativeness spend the rest on the largest topics. A candidate without terms, or with no
 * similar neighbour, counts as stood for once anything is chosen.
 *
 * <p><b>Token budget.</b> A candidate whose tokens exceed what the budget has left is skipped at
 * that step; selection stops at k examples or when no candidate fits. A budget below every
 * candidate's tokens gives no examples: the caller reports why.
 *
 * <p><b>Determinism and cost.</b> Candidates are sorted by id before anything is summed, and ties
 * go to the smaller id, so any order of the same candidates gives the same examples. O(n · terms)
 * for centrality, O(n · min(n, {@value #REFERENCES})) cosines for the neighbourhoods, then k passes
 * with one cosine per candidate: O(n · k).
 */
public final class FewShotSelector implements Serializable {

  /** λ: weight of relevance against redundancy with the examples already chosen. */
  public static final double DEFAULT_LAMBDA = 0.3;

  /** γ: weight of the representativeness of the examples with the candidate. */
  public static final double DEFAULT_REPRESENTATIVENESS_WEIGHT = 0.5;

  /** Nearest neighbours averaged into a candidate's neighbourhood similarity. */
  static final int NEIGHBOURS = 3;

  /** Candidates a candidate is compared with to find its nearest neighbours. */
  static final int REFERENCES = 512;

  private static final Comparator<FewShotCandidate> BY_ID =
      Comparator.comparing(FewShotCandidate::id);

  private final double lambda;
  private final double representativenessWeight;

  /** The selector with {@link #DEFAULT_LAMBDA} and {@link #DEFAULT_REPRESENTATIVENESS_WEIGHT}. */
  public FewShotSelector() {
    this(DEFAULT_LAMBDA, DEFAULT_REPRESENTATIVENESS_WEIGHT);
  }

  public FewShotSelector(double lambda, double representativenessWeight) {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
    }
    if (!(representativenessWeight >= 0)) {
      throw new IllegalArgumentException(
          "the representativeness weight must be >= 0, got " + representativenessWeight);
    }
    this.lambda = lambda;
    this.representativenessWeight = representativenessWeight;
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
    double[] neighbourhood = neighbourhood(sorted);
    double[] redundancy = new double[n];
    boolean[] chosen = new boolean[n];
    Representativeness representativeness = new Representativeness(sorted);
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
                - (1 - lambda) * redundancy[i]
                + representativenessWeight * representativeness.with(candidate);
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
      representativeness.add(pick);
      budgetLeft -= pick.tokens();
      for (int i = 0; i < n; i++) {
        if (!chosen[i]) {
          redundancy[i] =
              Math.max(redundancy[i], redundancy(sorted.get(i), pick, neighbourhood[i]));
        }
      }
    }
    return examples;
  }

  /**
   * How far {@code pick} already stands for {@code candidate}: their cosine over the candidate's
   * neighbourhood similarity, at most 1. A candidate with no similar neighbour (or no terms) is
   * fully redundant once anything is chosen: nothing says it stands for other conversations.
   */
  private static double redundancy(
      FewShotCandidate candidate, FewShotCandidate pick, double neighbourhood) {
    if (neighbourhood <= 0) {
      return 1;
    }
    return Math.min(1, candidate.cosine(pick) / neighbourhood);
  }

  /**
   * Each candidate's neighbourhood similarity: the mean of its {@value #NEIGHBOURS} largest cosines
   * to a reference sample of at most {@value #REFERENCES} candidates (evenly spaced in id order;
   * ids are content hashes, so a uniform sample), itself excluded.
   */
  static double[] neighbourhood(List<FewShotCandidate> sortedById) {
    int n = sortedById.size();
    int references = Math.min(n, REFERENCES);
    double[] neighbourhood = new double[n];
    double[] top = new double[NEIGHBOURS];
    for (int i = 0; i < n; i++) {
      FewShotCandidate candidate = sortedById.get(i);
      if (candidate.emptyVector()) {
        continue;
      }
      Arrays.fill(top, 0);
      for (int r = 0; r < references; r++) {
        int j = (int) ((long) r * n / references);
        if (j == i) {
          continue;
        }
        double similarity = candidate.cosine(sortedById.get(j));
        if (similarity > top[NEIGHBOURS - 1]) {
          int at = NEIGHBOURS - 1;
          while (at > 0 && top[at - 1] < similarity) {
            top[at] = top[at - 1];
            at--;
          }
          top[at] = similarity;
        }
      }
      double sum = 0;
      for (double similarity : top) {
        sum += similarity;
      }
      neighbourhood[i] = sum / NEIGHBOURS;
    }
    return neighbourhood;
  }

  /**
   * Quality × centrality / the largest centrality, in id order. When no two candidates share a term
   * (or there is only one), centrality says nothing and relevance is the quality score.
   */
  static double[] relevance(List<FewShotCandidate> sortedById) {
    int n = sortedById.size();
    double[] centrality =
        sortedById.stream().allMatch(FewShotCandidate::hasEmbedding)
            ? embeddingCentrality(sortedById)
            : termCentrality(sortedById);
    double largest = 0;
    for (double c : centrality) {
      largest = Math.max(largest, c);
    }
    double[] relevance = new double[n];
    for (int i = 0; i < n; i++) {
      double normalised = largest > 0 ? centrality[i] / largest : 1;
      relevance[i] = sortedById.get(i).quality() * normalised;
    }
    return relevance;
  }

  /** Mean cosine of each candidate's TF-IDF vector to the others': {@code (v·S − 1) / (n − 1)}. */
  private static double[] termCentrality(List<FewShotCandidate> sortedById) {
    int n = sortedById.size();
    Map<Integer, Double> sum = new HashMap<>();
    for (FewShotCandidate candidate : sortedById) {
      candidate.addTo(sum);
    }
    double[] centrality = new double[n];
    for (int i = 0; i < n; i++) {
      FewShotCandidate candidate = sortedById.get(i);
      if (n > 1 && !candidate.emptyVector()) {
        double toAll = candidate.dot(term -> sum.getOrDefault(term, 0.0));
        centrality[i] = Math.max(0, (toAll - 1) / (n - 1));
      }
    }
    return centrality;
  }

  /**
   * Mean cosine of each candidate's embedding to the others': {@code (v·S − v·v) / (n − 1)}, with
   * the self term taken out exactly, rounded by {@link Embeddings#round}.
   */
  private static double[] embeddingCentrality(List<FewShotCandidate> sortedById) {
    int n = sortedById.size();
    double[] centrality = new double[n];
    if (n < 2) {
      return centrality;
    }
    double[] sum = new double[sortedById.get(0).embedding().length];
    for (FewShotCandidate candidate : sortedById) {
      candidate.addEmbeddingTo(sum);
    }
    for (int i = 0; i < n; i++) {
      FewShotCandidate candidate = sortedById.get(i);
      double toOthers = candidate.dotEmbedding(sum) - candidate.embeddingNormSquared();
      centrality[i] = Math.max(0, Embeddings.round(toOthers / (n - 1)));
    }
    return centrality;
  }

  /**
   * The bundle's representativeness as {@link BundleCriteria} defines it, {@code 1 − max(JS over
   * length buckets, JS over topic cells)}, for the examples chosen so far plus one candidate. It
   * depends on the candidate's bucket and cell only, so each step computes it once per bucket and
   * once per cell.
   */
  private static final class Representativeness {
    private final Map<Integer, Long> lengthsOfAll = new TreeMap<>();
    private final Map<Integer, Long> topicsOfAll = new TreeMap<>();
    private final Map<Integer, Long> lengthsChosen = new TreeMap<>();
    private final Map<Integer, Long> topicsChosen = new TreeMap<>();
    private final Map<Integer, Double> lengthDivergence = new HashMap<>();
    private final Map<Integer, Double> topicDivergence = new HashMap<>();

    Representativeness(List<FewShotCandidate> all) {
      for (FewShotCandidate candidate : all) {
        lengthsOfAll.merge(candidate.lengthBucket(), 1L, Long::sum);
        topicsOfAll.merge(candidate.topic(), 1L, Long::sum);
      }
    }

    double with(FewShotCandidate candidate) {
      double lengths =
          lengthDivergence.computeIfAbsent(
              candidate.lengthBucket(),
              bucket -> divergenceWith(lengthsChosen, lengthsOfAll, bucket));
      double topics =
          topicDivergence.computeIfAbsent(
              candidate.topic(), cell -> divergenceWith(topicsChosen, topicsOfAll, cell));
      return 1 - Math.max(lengths, topics);
    }

    void add(FewShotCandidate pick) {
      lengthsChosen.merge(pick.lengthBucket(), 1L, Long::sum);
      topicsChosen.merge(pick.topic(), 1L, Long::sum);
      lengthDivergence.clear();
      topicDivergence.clear();
    }

    private static double divergenceWith(
        Map<Integer, Long> chosen, Map<Integer, Long> all, int key) {
      Map<Integer, Long> with = new TreeMap<>(chosen);
      with.merge(key, 1L, Long::sum);
      return Distributions.jensenShannon(with, all);
    }
  }
}
