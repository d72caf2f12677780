package dev.sift.bench.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.EntityType;
import dev.sift.transforms.anonymize.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiScoreTest {
  //                                 0         1         2         3         4         5
  //                                 012345678901234567890123456789012345678901234567890123
  private static final String TEXT = "Hi, I'm Jane Doe. Mail <jane@example.com> re ORD-77.";
  private static final GoldSpan NAME = new GoldSpan(EntityType.PERSON, 8, 16, "Jane Doe");
  private static final GoldSpan EMAIL = new GoldSpan(EntityType.EMAIL, 24, 40, "jane@example.com");
  private static final NegativeSpan ORDER =
      new NegativeSpan(NegativeKind.ORDER_NUMBER, 45, 51, "ORD-77");
  private static final EvalMessage MESSAGE =
      new EvalMessage("user", TEXT, List.of(NAME, EMAIL), List.of(ORDER));

  @Test
  void anOverlappingSpanOfTheSameTypeFindsTheValue() {
    PiiScore score = new PiiScore(10);

    // "Jane" alone, and the address with its angle brackets: both overlap their gold values.
    score.add(
        MESSAGE, List.of(new Span(8, 12, EntityType.PERSON), new Span(23, 41, EntityType.EMAIL)));

    assertCounts(score.counts(EntityType.PERSON), 1, 1, 1, 1);
    assertCounts(score.counts(EntityType.EMAIL), 1, 1, 1, 1);
    assertEquals(1.0, score.counts(EntityType.EMAIL).f1());
  }

  @Test
  void aSpanOfAnotherTypeIsAMissAndAFalsePositive() {
    PiiScore score = new PiiScore(10);

    score.add(MESSAGE, List.of(new Span(24, 40, EntityType.URL)));

    assertCounts(score.counts(EntityType.EMAIL), 1, 0, 0, 0);
    assertCounts(score.counts(EntityType.URL), 0, 0, 1, 0);
    assertEquals("detected as url", score.counts(EntityType.EMAIL).misses.get(0).note());
    assertEquals("gold there is email", score.counts(EntityType.URL).falsePositives.get(0).note());
    assertEquals(0.0, score.counts(EntityType.URL).precision());
  }

  @Test
  void countsNonPiiTokensChangedAndHardNegativesHit() {
    PiiScore score = new PiiScore(10);

    // "Hi," wrongly as a person; the order number wrongly as a phone.
    score.add(
        MESSAGE, List.of(new Span(0, 2, EntityType.PERSON), new Span(45, 51, EntityType.PHONE)));

    // Tokens: Hi, | I'm | Jane | Doe. | Mail | <jane@example.com> | re | ORD-77.
    // Outside gold: Hi, I'm Mail re ORD-77. -> 5 tokens, 2 of them changed.
    assertEquals(5, score.nonPiiTokens());
    assertEquals(2, score.nonPiiTokensChanged());
    assertEquals(1, score.negatives(NegativeKind.ORDER_NUMBER).planted);
    assertEquals(1, score.negatives(NegativeKind.ORDER_NUMBER).changed);
    assertEquals(
        "…'m Jane Doe. Mail <jane@example.com> re ⟦ORD-77⟧.",
        score.negatives(NegativeKind.ORDER_NUMBER).changedExamples.get(0).context());
    assertCounts(score.counts(EntityType.PERSON), 1, 0, 1, 0);
    assertEquals(Double.NaN, score.counts(EntityType.EMAIL).precision());
  }

  @Test
  void totalsSumTheTypes() {
    PiiScore score = new PiiScore(0);

    score.add(MESSAGE, List.of(new Span(8, 16, EntityType.PERSON)));

    assertCounts(score.total(), 2, 1, 1, 1);
    assertEquals(0, score.counts(EntityType.EMAIL).misses.size(), "no examples kept when 0");
  }

  private static void assertCounts(
      PiiScore.TypeCounts counts, int gold, int found, int predicted, int correct) {
    assertEquals(gold, counts.gold, "gold");
    assertEquals(found, counts.found, "found");
    assertEquals(predicted, counts.predicted, "predicted");
    assertEquals(correct, counts.correct, "correct");
  }
}
