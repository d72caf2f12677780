package dev.sift.transforms.emit;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.DedupSpec;
import dev.sift.transforms.Buckets;
import dev.sift.transforms.TestConversations;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class FindSplitLeaksTest {
  private static final List<String> BOILERPLATE = TestConversations.distinctWords(20, 1000);

  /**
   * Forty training examples share 20 words of boilerplate; a validation example one word away from
   * the last of them by key, beyond the boilerplate bands' {@value FindSplitLeaks#MATES_PER_BAND}
   * mates, leaks. Nothing else does: not a validation example with the boilerplate only, not one
   * that only another validation example resembles, not the twin of a training example of another
   * task. The bucket count changes nothing.
   */
  @Test
  void findsTheValidationNearDuplicatesOfTrainingExamplesOnly(TestPipeline pipeline) {
    List<KV<String, Conversation>> examples = new ArrayList<>();
    Conversation lastByKey = null;
    List<String> lastWords = List.of();
    for (int i = 10; i < 50; i++) {
      List<String> own = TestConversations.distinctWords(40, 40 * i);
      Conversation training = desk("billing", i, own, BOILERPLATE);
      examples.add(KV.of(Split.TRAIN, training));
      if (lastByKey == null || keyOf(training) > keyOf(lastByKey)) {
        lastByKey = training;
        lastWords = own;
      }
    }
    List<String> twin = new ArrayList<>(lastWords);
    twin.set(20, "changed");
    Conversation leak = desk("billing", 90, twin, BOILERPLATE);
    examples.add(KV.of(Split.VALIDATION, leak));
    examples.add(
        KV.of(
            Split.VALIDATION,
            desk("billing", 91, TestConversations.distinctWords(40, 5000), BOILERPLATE)));
    examples.add(
        KV.of(
            Split.VALIDATION,
            desk("billing", 92, TestConversations.distinctWords(60, 6000), List.of())));
    examples.add(
        KV.of(
            Split.VALIDATION,
            desk("billing", 93, TestConversations.distinctWords(60, 6000), List.of())));
    examples.add(
        KV.of(
            Split.VALIDATION,
            desk("shipping", 94, TestConversations.distinctWords(40, 40 * 10), BOILERPLATE)));

    PCollection<KV<String, Conversation>> input = pipeline.apply(Create.of(examples));
    for (int buckets : new int[] {1, 7, Buckets.FOR_CLUSTERS}) {
      PAssert.that(
              input.apply(
                  "FindLeaksIn" + buckets,
                  new FindSplitLeaks(DedupSpec.standard(), 0.5, Buckets.of(buckets))))
          .containsInAnyOrder(leak.getId());
    }
    pipeline.run().waitUntilFinish();
  }

  private static long keyOf(Conversation conversation) {
    return LeakMember.keyOf(conversation.getId());
  }

  private static Conversation desk(
      String task, long record, List<String> own, List<String> common) {
    List<String> question = new ArrayList<>(common);
    question.addAll(own);
    return TestConversations.qa(
        task, "chats.jsonl", record, String.join(" ", question), "thanks for asking");
  }
}
