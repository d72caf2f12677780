package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The few-shot selection over sentence embeddings, where the quality stage's semantic mode ran: the
 * embeddings decide similarity when every candidate has one, else the TF-IDF vectors do.
 */
class FewShotEmbeddingsTest {
  private static final FewShotSelector SELECTOR = new FewShotSelector();

  /** Quality 1, topic 0, the same single term for all (lexically identical), this embedding. */
  private static FewShotCandidate embedded(String id, int tokens, float... embedding) {
    return new FewShotCandidate(id, tokens, 1.0, 0, new int[] {7}, new double[] {1}, embedding);
  }

  @Test
  void cosineIsOfTheEmbeddingsWhenBothHaveOneAndNeverNegative() {
    FewShotCandidate a = embedded("a", 10, 1, 0, 0);
    FewShotCandidate b = embedded("b", 10, 0.6f, 0.8f, 0);
    FewShotCandidate opposite = embedded("o", 10, -1, 0, 0);
    FewShotCandidate lexical = FewShotCandidates.plain("l", 10, 7);
    assertEquals(0.6, a.cosine(b), 1e-6);
    assertEquals(0.0, a.cosine(opposite));
    // Without an embedding on one side, the shared term decides: cosine 1.
    assertEquals(1.0, a.cosine(lexical), 1e-12);
  }

  @Test
  void centralityIsTheMeanEmbeddingCosineToTheOthers() {
    // a = e1, b = (0.6, 0.8, 0), c = e2: cos(a, b) = 0.6, cos(b, c) = 0.8, cos(a, c) = 0.
    // Mean cosine to the others: a 0.3, b 0.7, c 0.4; over the largest: 3/7, 1, 4/7.
    List<FewShotCandidate> sorted =
        List.of(
            embedded("a", 10, 1, 0, 0),
            embedded("b", 10, 0.6f, 0.8f, 0),
            embedded("c", 10, 0, 1, 0));
    assertArrayEquals(new double[] {3 / 7.0, 1, 4 / 7.0}, FewShotSelector.relevance(sorted), 1e-6);
    // One candidate without an embedding: the TF-IDF vectors decide, all the same term here.
    List<FewShotCandidate> mixed =
        List.of(sorted.get(0), sorted.get(1), FewShotCandidates.plain("c", 10, 7));
    assertArrayEquals(new double[] {1, 1, 1}, FewShotSelector.relevance(mixed), 1e-12);
  }

  /**
   * Four topics of 60, 25, 10 and 5 conversations, each around its own axis of an 8-dimensional
   * space, all with the same single term (so TF-IDF sees one topic) and topic cells that know
   * nothing of the topics: five examples cover every topic, for several seeds.
   */
  @Test
  void examplesCoverEveryTopicTheEmbeddingsSeparate() {
    int[] sizes = {60, 25, 10, 5};
    for (long seed = 1; seed <= 5; seed++) {
      Random random = new Random(seed);
      List<FewShotCandidate> all = new ArrayList<>();
      for (int topic = 0; topic < sizes.length; topic++) {
        for (int i = 0; i < sizes[topic]; i++) {
          double[] v = new double[8];
          v[topic] = 1;
          for (int d = 0; d < v.length; d++) {
            v[d] += 0.25 * random.nextGaussian();
          }
          float[] unit = unit(v);
          all.add(
              new FewShotCandidate(
                  "t" + topic + "-" + i,
                  20 + random.nextInt(200),
                  0.6 + 0.4 * random.nextDouble(),
                  random.nextInt(16),
                  new int[] {7},
                  new double[] {1},
                  unit));
        }
      }
      Set<String> covered = new TreeSet<>();
      SELECTOR.select(all, 5, 10_000).forEach(c -> covered.add(c.id().substring(0, 2)));
      assertEquals(Set.of("t0", "t1", "t2", "t3"), covered, "seed " + seed);
    }
  }

  private static float[] unit(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    float[] unit = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      unit[i] = (float) (v[i] / Math.sqrt(norm));
    }
    return unit;
  }
}
