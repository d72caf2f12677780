package dev.sift.transforms.emit;

import static dev.sift.transforms.emit.FewShotCandidates.candidate;
import static dev.sift.transforms.emit.FewShotCandidates.plain;
import static dev.sift.transforms.emit.FewShotCandidates.separatedTopics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FewShotSelectorTest {
  private static final FewShotSelector SELECTOR = new FewShotSelector();
  private static final int[] TOPIC_SIZES = {60, 25, 10, 5};

  private static List<String> ids(List<FewShotCandidate> candidates) {
    return candidates.stream().map(FewShotCandidate::id).collect(Collectors.toList());
  }

  @Test
  void firstPickMaximisesQualityTimesCentrality() {
    // Unit vectors a = e1, b = (e1 + e2)/√2, c = e2: cos(a, b) = cos(b, c) = 0.7071, cos(a, c) = 0.
    // Mean similarity to the others: a 0.3536, b 0.7071, c 0.3536; divided by the largest: 0.5, 1,
    // 0.5. With equal quality b is the most central; with b's quality 0.4, relevance is a 0.5,
    // b 0.4, c 0.5, and the tie between a and c goes to the smaller id.
    FewShotCandidate a = plain("a", 10, 1);
    FewShotCandidate b = plain("b", 10, 1, 2);
    FewShotCandidate c = plain("c", 10, 2);
    assertEquals(List.of("b"), ids(SELECTOR.select(List.of(a, b, c), 1, 100)));

    FewShotCandidate weakB = candidate("b", 10, 0.4, 0, 1, 2);
    assertEquals(List.of("a"), ids(SELECTOR.select(List.of(c, weakB, a), 1, 100)));
  }

  @Test
  void relevanceIsQualityTimesNormalisedCentrality() {
    FewShotCandidate a = plain("a", 10, 1);
    FewShotCandidate b = candidate("b", 10, 0.8, 0, 1, 2);
    FewShotCandidate c = candidate("c", 10, 0.6, 0, 2);
    double[] relevance = FewShotSelector.relevance(List.of(a, b, c));
    assertEquals(0.5, relevance[0], 1e-12);
    assertEquals(0.8, relevance[1], 1e-12);
    assertEquals(0.3, relevance[2], 1e-12);
  }

  @Test
  void laterPicksTradeRelevanceAgainstRedundancy() {
    // Terms x = x2 = {2, 3}, y = {4, 5}, z = {3, 4}: cos(x, x2) = 1, cos(x, z) = cos(y, z) = 0.5,
    // cos(x, y) = 0. Relevance (quality 1): x, x2, z 1, y 1/3. Neighbourhood similarity (mean of
    // the
    // 3 nearest): x, x2, z 0.5, y 0.1667. One length bucket and one cell, so representativeness is
    // the same for all. First x (the tie with x2 and z goes to the smaller id). Then redundancy =
    // cosine to x / neighbourhood: x2 1, z 1, y 0; score 0.3 relevance - 0.7 redundancy: x2 -0.4,
    // z -0.4, y 0.1: y. Third: x2 and z both -0.4, the smaller id.
    FewShotCandidate x = plain("x", 10, 2, 3);
    FewShotCandidate x2 = plain("x2", 10, 2, 3);
    FewShotCandidate y = plain("y", 10, 4, 5);
    FewShotCandidate z = plain("z", 10, 3, 4);
    assertEquals(List.of("x", "y", "x2"), ids(SELECTOR.select(List.of(y, x2, z, x), 3, 100)));
  }

  @Test
  void skipsWhatOverflowsTheBudgetAndTakesWhatStillFits() {
    // cos(a, b) = 0.8165, cos(a, c) = 0.4082, cos(b, c) = 0: a is the most central, and all three
    // are in the 256-511 bucket. Budget 700: a (400) first; b (350) no longer fits in the 300 left,
    // c (300) fits exactly; then nothing is left.
    FewShotCandidate a = plain("a", 400, 1, 2, 3);
    FewShotCandidate b = plain("b", 350, 1, 2);
    FewShotCandidate c = plain("c", 300, 3, 4);
    FewShotCandidate d = plain("d", 1, 9);
    List<FewShotCandidate> all = List.of(a, b, c);
    assertEquals(List.of("a", "c"), ids(SELECTOR.select(all, 3, 700)));
    assertEquals(List.of("a"), ids(SELECTOR.select(all, 3, 699)));
    assertEquals(List.of("a", "d"), ids(SELECTOR.select(List.of(a, b, c, d), 2, 401)));
  }

  @Test
  void budgetIsNeverExceeded() {
    Random random = new Random(7);
    List<FewShotCandidate> all = separatedTopics(new int[] {40, 30, 20}, 11, true);
    for (int round = 0; round < 100; round++) {
      int k = 1 + random.nextInt(8);
      int budget = random.nextInt(2500);
      List<FewShotCandidate> chosen = SELECTOR.select(all, k, budget);
      int tokens = chosen.stream().mapToInt(FewShotCandidate::tokens).sum();
      assertTrue(tokens <= budget, tokens + " tokens over a budget of " + budget);
      assertTrue(chosen.size() <= k);
      if (chosen.size() < k) {
        // Stopped early only because nothing else fits.
        int left = budget - tokens;
        all.stream()
            .filter(c -> !chosen.contains(c))
            .forEach(c -> assertTrue(c.tokens() > left, c + " still fits in " + left));
      }
    }
  }

  @Test
  void aBudgetBelowEveryCandidateChoosesNothing() {
    List<FewShotCandidate> all = List.of(plain("a", 50, 1), plain("b", 70, 1, 2));
    assertEquals(List.of(), SELECTOR.select(all, 5, 49));
    assertEquals(List.of(), SELECTOR.select(all, 0, 1000));
    assertEquals(List.of(), SELECTOR.select(List.of(), 5, 1000));
  }

  @Test
  void fewerCandidatesThanKGivesThemAll() {
    List<FewShotCandidate> all = List.of(plain("a", 5, 1), plain("b", 5, 1, 2), plain("c", 5, 3));
    assertEquals(Set.of("a", "b", "c"), new TreeSet<>(ids(SELECTOR.select(all, 5, 100))));
  }

  @Test
  void emptyVectorsAreChosenOnlyWhenNothingElseIsLeft() {
    FewShotCandidate empty = plain("0-empty", 5);
    FewShotCandidate a = plain("a", 5, 1, 2);
    FewShotCandidate b = plain("b", 5, 1, 2);
    assertEquals(List.of("a", "b", "0-empty"), ids(SELECTOR.select(List.of(empty, a, b), 3, 100)));
    // All empty: nothing to compare, so quality alone decides, ties by id.
    FewShotCandidate e1 = candidate("e1", 5, 0.7, 0);
    FewShotCandidate e2 = candidate("e2", 5, 0.9, 0);
    assertEquals(List.of("e2", "e1"), ids(SELECTOR.select(List.of(e1, e2), 2, 100)));
  }

  @Test
  void sameChoiceInAnyInputOrder() {
    List<FewShotCandidate> all = separatedTopics(new int[] {150, 60, 25, 15}, 3, false);
    List<String> expected = ids(SELECTOR.select(all, 5, 2000));
    assertEquals(5, expected.size());
    Random random = new Random(5);
    for (int round = 0; round < 10; round++) {
      List<FewShotCandidate> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, random);
      assertEquals(expected, ids(SELECTOR.select(shuffled, 5, 2000)));
    }
  }

  @Test
  void rejectsDuplicateIdsAndNegativeArguments() {
    FewShotCandidate a = plain("a", 5, 1);
    assertThrows(IllegalArgumentException.class, () -> SELECTOR.select(List.of(a, a), 2, 100));
    assertThrows(IllegalArgumentException.class, () -> SELECTOR.select(List.of(a), -1, 100));
    assertThrows(IllegalArgumentException.class, () -> SELECTOR.select(List.of(a), 1, -1));
  }

  @Test
  void coversEveryTopicOfUnequalSize() {
    for (long seed = 1; seed <= 10; seed++) {
      List<FewShotCandidate> all = separatedTopics(TOPIC_SIZES, seed, true);
      List<FewShotCandidate> chosen = SELECTOR.select(all, 5, 2000);
      assertEquals(5, chosen.size());
      assertEquals(
          Set.of(0, 1, 2, 3),
          chosen.stream().map(FewShotCandidates::topicOf).collect(Collectors.toSet()),
          "seed " + seed + ": " + chosen);
    }
  }

  @Test
  void coversEveryTopicByDiversityAloneWhenCellsKnowNothingOfTopics() {
    // Cells hashed from ids: the topic bonus is noise here, and the similarity penalty does the
    // work.
    for (long seed = 1; seed <= 10; seed++) {
      List<FewShotCandidate> all = separatedTopics(TOPIC_SIZES, seed, false);
      List<FewShotCandidate> chosen = SELECTOR.select(all, 5, 2000);
      assertEquals(
          Set.of(0, 1, 2, 3),
          chosen.stream().map(FewShotCandidates::topicOf).collect(Collectors.toSet()),
          "seed " + seed + ": " + chosen);
    }
  }

  @Test
  void representativenessBeatsTheMeanOfRandomPicks() {
    List<FewShotCandidate> all = separatedTopics(TOPIC_SIZES, 1, true);
    double chosen = BundleCriteria.of(SELECTOR.select(all, 5, 2000), all).representativeness();
    Random random = new Random(13);
    double sum = 0;
    int picks = 1000;
    for (int i = 0; i < picks; i++) {
      List<FewShotCandidate> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, random);
      sum += BundleCriteria.of(shuffled.subList(0, 5), all).representativeness();
    }
    double randomMean = sum / picks;
    assertTrue(chosen >= randomMean, "chosen " + chosen + " vs random mean " + randomMean);
  }
}
