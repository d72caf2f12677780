package dev.sift.bench.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FindingSampleTest {
  @Test
  void aRepeatedFindingTakesOnePlaceInTheSample() {
    FindingSample sample = new FindingSample(3);
    for (int i = 0; i < 50; i++) {
      sample.offer("I am ⟦Vicuna⟧, a language model");
    }
    sample.offer("Dear ⟦Bob⟧,");
    sample.offer("Thanks, ⟦Ana⟧.");

    assertEquals(52, sample.seen());
    assertEquals(3, sample.distinct());
    assertEquals(
        List.of("I am ⟦Vicuna⟧, a language model", "Dear ⟦Bob⟧,", "Thanks, ⟦Ana⟧."),
        sample.inOrder());
  }

  @Test
  void theSampleIsSpreadOverTheFindingsAndTheSameWhateverTheirOrder() {
    List<String> findings = IntStream.range(0, 1_000).mapToObj(i -> "finding " + i).toList();
    FindingSample forward = new FindingSample(20);
    findings.forEach(forward::offer);
    List<String> reversed = new ArrayList<>(findings);
    Collections.reverse(reversed);
    FindingSample backward = new FindingSample(20);
    reversed.forEach(backward::offer);

    List<String> sampled = forward.inOrder();
    assertEquals(20, sampled.size());
    assertEquals(sampled.stream().sorted().toList(), backward.inOrder().stream().sorted().toList());
    assertTrue(
        sampled.stream().anyMatch(finding -> Integer.parseInt(finding.substring(8)) >= 500),
        "not only the first findings: " + sampled);
  }
}
