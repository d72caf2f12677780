package dev.sift.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Filtered;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.TestConversations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class DropExactDuplicatesTest {
  private static final Conversation A1 =
      TestConversations.qa("billing", "a.jsonl", 1, "Refund?", "Yes, within 5 days.");
  private static final Conversation A2 =
      TestConversations.qa("billing", "a.jsonl", 2, "Refund?", "Yes, within 5 days.");
  private static final Conversation A3 =
      TestConversations.qa("billing", "b.jsonl", 7, "Refund?", "Yes, within 5 days.");
  private static final Conversation OTHER_TASK =
      TestConversations.qa("returns", "c.jsonl", 1, "Refund?", "Yes, within 5 days.");
  private static final Conversation DIFFERENT =
      TestConversations.qa("billing", "a.jsonl", 3, "Refund?", "No.");

  @Test
  void keepsTheSmallestIdOfEachTasksCopiesAndNamesItInTheOthers(TestPipeline pipeline) {
    PCollectionTuple result =
        pipeline
            .apply(Create.of(A3, A1, OTHER_TASK, DIFFERENT, A2))
            .apply(DropExactDuplicates.withinTasks());

    List<Conversation> copies = new ArrayList<>(List.of(A1, A2, A3));
    copies.sort(Comparator.comparing(Conversation::getId));
    Conversation kept = copies.get(0);
    PAssert.that(result.get(StageOutputs.CONVERSATIONS))
        .containsInAnyOrder(kept, OTHER_TASK, DIFFERENT);
    PAssert.that(result.get(StageOutputs.FILTERED))
        .satisfies(
            filtered -> {
              List<String> ids = new ArrayList<>();
              for (Filtered duplicate : filtered) {
                assertEquals("exact_duplicate", duplicate.getReason());
                assertEquals("duplicate of " + kept.getId(), duplicate.getDetail());
                ids.add(duplicate.getId());
              }
              ids.sort(Comparator.naturalOrder());
              assertEquals(List.of(copies.get(1).getId(), copies.get(2).getId()), ids);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
