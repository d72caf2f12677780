package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The stratified split's cuts and the label cap's limit, on hand-checked counts. */
class SplitTest {

  @Test
  void cutsValidationThenTrainFromTheSortedHashes() {
    long[] hashes = LongStream.rangeClosed(1, 20).toArray();
    Split.Cuts cuts = Split.cuts(hashes, Split.UNLIMITED, 0.1);
    assertEquals(new Split.Cuts(2L, 20L, 18, 2, 0), cuts);
    assertEquals(Split.VALIDATION, cuts.sideOf(2));
    assertEquals(Split.TRAIN, cuts.sideOf(3));
    assertEquals(Split.TRAIN, cuts.sideOf(20));
  }

  @Test
  void aCapLeavesTheLargestHashesOut() {
    Split.Cuts cuts = Split.cuts(LongStream.rangeClosed(1, 10).toArray(), 5, 0.2);
    assertEquals(new Split.Cuts(1L, 5L, 4, 1, 5), cuts);
    assertNull(cuts.sideOf(6));
  }

  @Test
  void aSmallStratumMayHaveNoValidation() {
    Split.Cuts cuts = Split.cuts(new long[] {7, 9}, Split.UNLIMITED, 0.1);
    assertNull(cuts.lastValidation());
    assertEquals(Split.TRAIN, cuts.sideOf(7));
  }

  @Test
  void labelLimitKeepsEveryLabelAtOrBelowTheCap() {
    // refund 81, invoice 12, plan 7: with a cap of 0.5, refund keeps m where m <= 0.5 (m + 19).
    assertEquals(19, Split.labelLimit(List.of(81L, 12L, 7L), 0.5));
    // 60, 30, 10 with a cap of 0.4: m <= 0.4 (m + m' + 10) where both large labels are capped:
    // m <= 0.4 (2m + 10) gives m <= 20.
    assertEquals(20, Split.labelLimit(List.of(60L, 30L, 10L), 0.4));
  }

  @Test
  void noLimitWithoutACapOrWhenTheCapCannotHold() {
    assertEquals(Split.UNLIMITED, Split.labelLimit(List.of(81L, 19L), null));
    assertEquals(Split.UNLIMITED, Split.labelLimit(List.of(81L, 19L), 1.0));
    assertEquals(Split.UNLIMITED, Split.labelLimit(List.of(50L, 30L, 20L), 0.3));
    assertEquals(Split.UNLIMITED, Split.labelLimit(List.of(100L), 0.5));
  }

  @Test
  void theOrderDependsOnlyOnTheId() {
    assertEquals(Split.hash("abc"), Split.hash("abc"));
  }
}
