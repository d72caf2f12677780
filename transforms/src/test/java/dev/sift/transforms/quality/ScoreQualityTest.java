package dev.sift.transforms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.QualitySpec;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.TaskSpec;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ScoreQuality on a small task: an off-topic conversation and a malformed one are filtered with
 * their reasons, and the task's criteria are the same however the input is ordered or split into
 * files (the property every runner's grouping relies on).
 */
@ExtendWith(TestPipelineExtension.class)
class ScoreQualityTest {
  private static final SiftSpec SPEC =
      new SiftSpec(
          null,
          null,
          Map.of(
              "billing",
              new TaskSpec(
                  "Refunds and invoices.",
                  null,
                  null,
                  null,
                  List.of("refund", "invoice", "charge", "plan"),
                  List.of(),
                  null,
                  null)),
          null,
          null,
          null,
          new QualitySpec(
              null, null, null, List.of("intent"), null, null, null, null, null, null, null, null),
          null);

  private static List<Conversation> task(int files) {
    List<Conversation> conversations = new ArrayList<>();
    String[][] exchanges = {
      {"I was charged twice, can I get a refund?", "Yes, I refunded the second charge today."},
      {"Please send me a copy of my last invoice.", "Done, the invoice is on its way by e-mail."},
      {"Can I change my plan to the annual one?", "Yes, the plan changes now and is prorated."},
      {"Why was my card charged for the Team plan?", "The Team plan renewed on the first."},
      {"I want a refund for the unused seats.", "I refunded the seats from your last invoice."},
      {"Do you issue refunds after 30 days?", "Yes, within 30 days of the charge."},
      {"Do you issue refunds after 30 days", "No, refunds are never possible after a charge."},
      {"How long do I boil an egg?", "Six minutes for a soft yolk, then cold water."},
    };
    for (int i = 0; i < exchanges.length; i++) {
      conversations.add(
          conversation(
              "f" + (i % files) + ".jsonl",
              i,
              List.of(
                  Message.of(Role.USER, exchanges[i][0]),
                  Message.of(Role.ASSISTANT, exchanges[i][1])),
              i % 3 == 0 ? "refund" : "invoice"));
    }
    conversations.add(
        conversation(
            "f0.jsonl",
            99,
            List.of(
                Message.of(Role.USER, "My invoice is wrong, please refund the charge."),
                Message.of(Role.ASSISTANT, "Refunded."),
                Message.of(Role.USER, "Thanks, and the other invoice?")),
            "refund"));
    return conversations;
  }

  private static Conversation conversation(
      String file, int record, List<Message> messages, String intent) {
    return Conversation.create(
        String.format("%032x", record * 7919L),
        "billing",
        SourceRef.create("logs/" + file, record + 1, record, "openai"),
        messages,
        Map.of("intent", intent));
  }

  @Test
  void filtersOffTopicAndMalformedConversationsWithTheirReasons(TestPipeline pipeline) {
    PCollectionTuple scored =
        pipeline
            .apply("CreateTask", Create.of(task(1)))
            .apply("ScoreTask", ScoreQuality.withSpec(SPEC));

    PAssert.that(
            scored
                .get(StageOutputs.FILTERED)
                .apply(
                    "RenderReasons",
                    MapElements.into(TypeDescriptors.strings())
                        .via(f -> f.getReason() + " " + f.getStage())))
        .containsInAnyOrder("off_topic quality", "malformed_roles quality");
    PAssert.thatSingleton(
            scored.get(StageOutputs.CONVERSATIONS).apply("CountKept", Count.globally()))
        .isEqualTo(7L);
    PAssert.thatSingleton(
            scored
                .get(ScoreQuality.TASKS)
                .apply(
                    "RenderConflicts",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            task ->
                                Json.compact(
                                    Criteria.render(
                                            task.getKey(), task.getValue(), 0, SPEC.quality(), true)
                                        .get("criteria")
                                        .get("consistent")
                                        .get("metrics")
                                        .get("conflictingPairs")))))
        .isEqualTo("1");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void criteriaAreTheSameWhateverTheOrderOrTheFiles(TestPipeline pipeline) {
    List<Conversation> shuffled = new ArrayList<>(task(1));
    Collections.shuffle(shuffled, new Random(7));
    PCollection<String> all =
        org.apache.beam.sdk.values.PCollectionList.of(rendered(pipeline, "One", task(1)))
            .and(rendered(pipeline, "Shuffled", shuffled))
            .and(rendered(pipeline, "Split", task(3)))
            .apply(org.apache.beam.sdk.transforms.Flatten.pCollections());
    PAssert.that(all.apply(org.apache.beam.sdk.transforms.Distinct.create()))
        .satisfies(
            criteria -> {
              List<String> distinct = new ArrayList<>();
              criteria.forEach(distinct::add);
              assertEquals(1, distinct.size(), distinct.toString());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static PCollection<String> rendered(
      TestPipeline pipeline, String name, List<Conversation> input) {
    return pipeline
        .apply(name + "Create", Create.of(input))
        .apply(name + "Score", ScoreQuality.withSpec(SPEC))
        .get(ScoreQuality.TASKS)
        .apply(
            name + "Render",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    task -> {
                      var node =
                          Criteria.render(task.getKey(), task.getValue(), 0, SPEC.quality(), true);
                      // Every score and metric; the off-topic listing names the input file.
                      return Json.compact(node.get("criteria")) + node.get("score");
                    }));
  }
}
