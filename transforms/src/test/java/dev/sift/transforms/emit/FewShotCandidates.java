package dev.sift.transforms.emit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Candidates for the few-shot tests: hand-made ones and generated tasks of separated topics. */
final class FewShotCandidates {
  /** Terms of each generated topic; topic t uses ids {@code t * 1000 + [0, VOCABULARY)}. */
  static final int VOCABULARY = 200;

  private FewShotCandidates() {}

  /** A candidate of quality 1 in topic cell 0 with the given terms, all of weight 1. */
  static FewShotCandidate plain(String id, int tokens, int... termIds) {
    return candidate(id, tokens, 1.0, 0, termIds);
  }

  static FewShotCandidate candidate(
      String id, int tokens, double quality, int topic, int... termIds) {
    double[] weights = new double[termIds.length];
    Arrays.fill(weights, 1);
    return new FewShotCandidate(id, tokens, quality, topic, termIds, weights);
  }

  /**
   * A task whose topic t has {@code sizes[t]} conversations over its own vocabulary (no term shared
   * between topics): each draws 32 distinct terms, Zipf-skewed towards the topic's first terms,
   * with weights in [0.5, 1.5), 20 to 400 tokens and a quality score in [0.6, 1]. Ids are {@code
   * t<topic>-<n>}; the topic cell is the topic when {@code cellIsTopic}, else a cell of the id's
   * hash (cells that know nothing of the topics).
   */
  static List<FewShotCandidate> separatedTopics(int[] sizes, long seed, boolean cellIsTopic) {
    Random random = new Random(seed);
    double[] zipf = new double[VOCABULARY];
    double total = 0;
    for (int r = 0; r < VOCABULARY; r++) {
      total += 1.0 / (r + 1);
      zipf[r] = total;
    }
    List<FewShotCandidate> candidates = new ArrayList<>();
    for (int topic = 0; topic < sizes.length; topic++) {
      for (int n = 0; n < sizes[topic]; n++) {
        boolean[] drawn = new boolean[VOCABULARY];
        int distinct = 0;
        while (distinct < 32) {
          double u = random.nextDouble() * total;
          int rank = 0;
          while (zipf[rank] < u) {
            rank++;
          }
          if (!drawn[rank]) {
            drawn[rank] = true;
            distinct++;
          }
        }
        int[] ids = new int[32];
        double[] weights = new double[32];
        int i = 0;
        for (int rank = 0; rank < VOCABULARY; rank++) {
          if (drawn[rank]) {
            ids[i] = topic * 1000 + rank;
            weights[i] = 0.5 + random.nextDouble();
            i++;
          }
        }
        String id = "t" + topic + "-" + n;
        int cell = cellIsTopic ? topic : Math.floorMod(id.hashCode() * 31 + 7, 16);
        candidates.add(
            new FewShotCandidate(
                id, 20 + random.nextInt(381), 0.6 + 0.4 * random.nextDouble(), cell, ids, weights));
      }
    }
    return candidates;
  }

  /** The topic of a candidate of {@link #separatedTopics}, from its id. */
  static int topicOf(FewShotCandidate candidate) {
    return Integer.parseInt(candidate.id().substring(1, candidate.id().indexOf('-')));
  }
}
