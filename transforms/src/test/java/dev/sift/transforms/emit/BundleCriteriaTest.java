package dev.sift.transforms.emit;

import static dev.sift.transforms.emit.FewShotCandidates.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundleCriteriaTest {
  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void criteriaOfAChosenPairByHand() {
    // All: a (10 tokens, cell 0), b, c, d (40 tokens, cell 1). Chosen a and b.
    FewShotCandidate a = candidate("a", 10, 1.0, 0, 1, 2);
    FewShotCandidate b = candidate("b", 40, 0.6, 1, 2, 3);
    FewShotCandidate c = candidate("c", 40, 0.9, 1, 3);
    FewShotCandidate d = candidate("d", 40, 0.9, 1, 4);
    BundleCriteria criteria = BundleCriteria.of(List.of(b, a), List.of(a, b, c, d));

    // Over both length buckets and topic cells: P = (1/2, 1/2) vs Q = (1/4, 3/4), M = (3/8, 5/8).
    double js =
        0.5 * (0.5 * log2(0.5 / 0.375) + 0.5 * log2(0.5 / 0.625))
            + 0.5 * (0.25 * log2(0.25 / 0.375) + 0.75 * log2(0.75 / 0.625));
    assertEquals(0.0488, js, 1e-4);
    assertEquals(0.0488, criteria.lengthDivergence());
    assertEquals(0.0488, criteria.topicDivergence());
    assertEquals(0.9512, criteria.representativeness());
    // cos(a, b) = 1/2: one shared term of two, both of weight 1.
    assertEquals(0.5, criteria.diversity());
    assertEquals(0.8, criteria.meanQuality());
    assertEquals(50, criteria.totalTokens());
    assertEquals(2, criteria.examples());
    assertEquals(4, criteria.candidates());
    assertEquals(2, criteria.topicCellsCovered());
    assertEquals(2, criteria.topicCellsPresent());
    assertEquals(1.0, criteria.topicCoverage());
  }

  @Test
  void aSingleExampleHasNoDiversityAndAnEmptyBundleNoScores() {
    FewShotCandidate a = candidate("a", 10, 1.0, 0, 1);
    FewShotCandidate b = candidate("b", 10, 1.0, 1, 2);
    BundleCriteria one = BundleCriteria.of(List.of(a), List.of(a, b));
    assertNull(one.diversity());
    assertEquals(0.5, one.topicCoverage());
    // Lengths match exactly; topics: P = (1, 0) vs Q = (1/2, 1/2): JS = 0.3113 bits.
    assertEquals(0.0, one.lengthDivergence());
    assertEquals(0.3113, one.topicDivergence());
    assertEquals(0.6887, one.representativeness());

    BundleCriteria none = BundleCriteria.of(List.of(), List.of(a, b));
    assertEquals(0, none.examples());
    assertEquals(0, none.totalTokens());
    assertNull(none.representativeness());
    assertNull(none.meanQuality());
    assertEquals(0.0, none.topicCoverage());
  }
}
