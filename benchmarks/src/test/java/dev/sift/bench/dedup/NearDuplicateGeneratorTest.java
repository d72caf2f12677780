package dev.sift.bench.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.DedupSpec;
import dev.sift.transforms.SortedLongSets;
import dev.sift.transforms.dedup.ShingleSets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NearDuplicateGeneratorTest {
  private static final ShingleSets SHINGLES = new ShingleSets(DedupSpec.standard());
  private static final int N = 600;

  @Test
  void theSameSeedGivesTheSameConversationsFromTheirIndicesAlone() {
    NearDuplicateGenerator first = new NearDuplicateGenerator(3, 0.5);
    NearDuplicateGenerator second = new NearDuplicateGenerator(3, 0.5);
    for (long index : new long[] {0, 1, 7, 599, 1_000_003}) {
      assertEquals(first.conversation(index), second.conversation(index));
    }
  }

  @Test
  void variantsUseEveryEditAndSpreadTheirSimilarityAcrossTheThreshold() {
    NearDuplicateGenerator generator = new NearDuplicateGenerator(1, 0.5);
    Set<NearDuplicateGenerator.Edit> edits = EnumSet.noneOf(NearDuplicateGenerator.Edit.class);
    List<Double> similarities = new ArrayList<>();
    for (long index = 0; index < N; index++) {
      NearDuplicateGenerator.Edit edit = generator.edit(index);
      if (edit != null) {
        edits.add(edit);
        long base = index - index % NearDuplicateGenerator.FAMILY;
        similarities.add(jaccard(generator.conversation(base), generator.conversation(index)));
      }
    }
    assertEquals(EnumSet.allOf(NearDuplicateGenerator.Edit.class), edits);
    assertTrue(similarities.stream().anyMatch(j -> j >= 0.8 && j < 0.9), similarities.toString());
    assertTrue(similarities.stream().anyMatch(j -> j >= 0.9 && j < 1), similarities.toString());
    assertTrue(similarities.stream().anyMatch(j -> j >= 0.5 && j < 0.8), similarities.toString());
  }

  @Test
  void bruteForceFindsExactlyThePairsAtOrAboveTheFloor() {
    NearDuplicateGenerator generator = new NearDuplicateGenerator(1, 0.5);
    List<long[]> sets = new ArrayList<>();
    for (long index = 0; index < 120; index++) {
      sets.add(SHINGLES.of(generator.conversation(index)));
    }
    Set<Long> expected = new HashSet<>();
    for (int a = 0; a < sets.size(); a++) {
      for (int b = a + 1; b < sets.size(); b++) {
        if (SortedLongSets.jaccard(sets.get(a), sets.get(b)) >= 0.5) {
          expected.add(TruePairs.Pair.key(a, b));
        }
      }
    }
    Set<Long> found =
        TruePairs.atLeast(sets, 0.5).stream().map(TruePairs.Pair::key).collect(Collectors.toSet());
    assertEquals(expected, found);
    assertTrue(expected.size() > 10, expected.size() + " pairs");
  }

  private static double jaccard(Conversation a, Conversation b) {
    return SortedLongSets.jaccard(SHINGLES.of(a), SHINGLES.of(b));
  }
}
