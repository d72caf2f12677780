package dev.sift.bench.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnonymizeBenchTest {

  @Test
  void scoresEveryPlantedValueOfEveryMessage() {
    List<EvalConversation> set = PiiEvalSetGenerator.generate(3L, 40);

    PiiScore score = AnonymizeBench.score(set, 10);

    long planted =
        set.stream()
            .flatMap(conversation -> conversation.messages().stream())
            .mapToLong(message -> message.spans().size())
            .sum();
    assertEquals(planted, score.total().gold);
    assertTrue(score.total().found > 0, "the detector finds planted values");
    assertTrue(score.nonPiiTokens() > 0);
  }
}
