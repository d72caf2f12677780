package dev.sift.schemas.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualitySpecTest {

  @Test
  void qualityReasonsAreFilterReasons() {
    for (String code : QualitySpec.REASONS) {
      assertEquals(Reason.Kind.FILTERED, Reason.fromCode(code).kind(), code);
    }
    assertTrue(QualitySpec.REASONS.containsAll(QualitySpec.DEFAULT_FILTER));
  }

  @Test
  void defaultsFilterEveryReasonButTruncated() {
    QualitySpec quality = QualitySpec.standard();

    assertTrue(quality.filters("off_topic"));
    assertTrue(!quality.filters("truncated"));
    assertEquals(List.of("en"), quality.languages());
    assertEquals("o200k_base", quality.encoding());
  }

  @Test
  void profileTextJoinsDescriptionKeywordsAndExamples() {
    TaskSpec task =
        new TaskSpec(
            "Billing.", null, null, null, List.of("refund"), List.of("charged twice"), null, null);

    assertEquals("Billing.\nrefund\ncharged twice", task.profileText());
    assertEquals("", new TaskSpec(null, null, null, null, null, null, null, null).profileText());
  }

  @Test
  void autoScoresSemanticallyTheTasksUpToTheLimit() {
    QualitySpec auto = QualitySpec.standard();
    assertEquals("auto", auto.semantic());
    assertTrue(auto.semanticFor(QualitySpec.DEFAULT_SEMANTIC_MAX_CONVERSATIONS));
    assertTrue(!auto.semanticFor(QualitySpec.DEFAULT_SEMANTIC_MAX_CONVERSATIONS + 1));
    assertTrue(auto.withSemantic("on").semanticFor(Long.MAX_VALUE));
    assertTrue(!auto.withSemantic("off").semanticFor(1));
    assertEquals(0.12, auto.minSemanticRelevance());
  }
}
