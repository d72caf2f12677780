package dev.sift.transforms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Filtered;
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
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ScoreQuality's semantic mode: which tasks it scores ({@code on}, {@code off}, {@code auto} by
 * size), that the report says so, that an off-topic conversation sharing words with the task is
 * found by meaning, and that every signal and criterion is the same however the input is ordered.
 */
@ExtendWith(TestPipelineExtension.class)
class SemanticModeTest {
  private static final TaskSpec BILLING =
      new TaskSpec(
          "Billing desk of a SaaS product: refunds, invoices, plans, failed payments.",
          null,
          null,
          null,
          List.of("refund", "invoice", "charge", "plan"),
          List.of("I was charged twice this month. Can you refund the duplicate charge?"),
          null,
          null);
  private static final TaskSpec SHIPPING =
      new TaskSpec(
          "Parcel shipping: tracking, delays, customs, damaged parcels.",
          null,
          null,
          null,
          List.of("parcel", "tracking", "courier"),
          List.of(),
          null,
          null);

  private static SiftSpec spec(String semantic, Integer maxConversations) {
    return new SiftSpec(
        null,
        null,
        Map.of("billing", BILLING, "shipping", SHIPPING),
        null,
        null,
        null,
        new QualitySpec(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            semantic,
            maxConversations,
            null),
        null);
  }

  private static List<Conversation> input() {
    String[][] billing = {
      {"My card was declined when the yearly plan renewed.", "The bank blocked it; try again."},
      {"Please send me a copy of last month's invoice.", "Done, it is on its way by e-mail."},
      {"Can I move to the cheaper plan next month?", "Yes, the change applies at renewal."},
      {"Why did you take money from my account twice?", "A duplicate payment; it comes back."},
      {"I want a refund for the unused seats.", "I refunded the seats on your last invoice."},
      {"Do you give refunds after 30 days?", "Yes, within 30 days of the charge."},
      // Shares the keyword "plan" with the task, but is about cooking.
      {
        "Which wine goes with a mushroom risotto? I plan to serve it on Friday.",
        "A dry white with some body, such as a Chardonnay."
      },
    };
    String[][] shipping = {
      {"My parcel has not moved in tracking for three days.", "It is held at the depot."},
      {"The courier left my box at the wrong door.", "I opened a claim with the courier."},
      {"Why do I pay customs fees on my order?", "Imports above the limit are taxed."},
    };
    List<Conversation> conversations = new ArrayList<>();
    for (int i = 0; i < billing.length; i++) {
      conversations.add(conversation("billing", i, billing[i]));
    }
    for (int i = 0; i < shipping.length; i++) {
      conversations.add(conversation("shipping", 100 + i, shipping[i]));
    }
    return conversations;
  }

  private static Conversation conversation(String task, int record, String[] exchange) {
    return Conversation.of(
        task,
        SourceRef.create("logs/" + task + ".jsonl", record + 1, record, "openai"),
        List.of(Message.of(Role.USER, exchange[0]), Message.of(Role.ASSISTANT, exchange[1])),
        Map.of());
  }

  /** Per task, its report section: mode, criteria, distributions, off-topic list. */
  private static PCollection<String> sections(
      TestPipeline pipeline, String name, SiftSpec spec, List<Conversation> input) {
    return pipeline
        .apply(name + "Create", org.apache.beam.sdk.transforms.Create.of(input))
        .apply(name + "Score", ScoreQuality.withSpec(spec))
        .get(ScoreQuality.TASKS)
        .apply(
            name + "Render",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    task ->
                        Json.compact(
                            Criteria.render(
                                task.getKey(), task.getValue(), 0, spec.quality(), true))));
  }

  private static Map<String, JsonNode> byTask(Iterable<String> sections) {
    Map<String, JsonNode> byTask = new TreeMap<>();
    for (String section : sections) {
      try {
        JsonNode node = Json.mapper().readTree(section);
        byTask.put(node.get("task").asText(), node);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return byTask;
  }

  @Test
  void onScoresEveryTaskByMeaningAndFindsTheOffTopicConversation(TestPipeline pipeline) {
    SiftSpec spec = spec("on", null);
    PAssert.that(sections(pipeline, "On", spec, input()))
        .satisfies(
            sections -> {
              Map<String, JsonNode> byTask = byTask(sections);
              assertEquals("semantic", byTask.get("billing").get("mode").asText());
              assertEquals("semantic", byTask.get("shipping").get("mode").asText());
              JsonNode relevant = byTask.get("billing").at("/criteria/relevant/metrics");
              assertEquals(1, relevant.get("offTopic").asLong(), relevant.toString());
              assertEquals(0.12, relevant.get("minRelevance").asDouble());
              assertTrue(
                  byTask
                      .get("billing")
                      .at("/offTopic/0/snippet")
                      .asText()
                      .startsWith("Which wine goes with a mushroom risotto?"));
              // 7 conversations: round(sqrt(3.5)) = 2 clusters at most.
              assertTrue(byTask.get("billing").at("/distributions/topic").size() <= 2);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theFilteredOffTopicConversationSaysItsSemanticRelevance(TestPipeline pipeline) {
    PAssert.that(
            pipeline
                .apply(org.apache.beam.sdk.transforms.Create.of(input()))
                .apply(ScoreQuality.withSpec(spec("on", null)))
                .get(StageOutputs.FILTERED)
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (Filtered f) ->
                                f.getReason() + " " + f.getDetail().replaceAll("[0-9.-]+$", ""))))
        .containsInAnyOrder("off_topic semantic relevance ");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void autoScoresOnlyTasksUpToTheirSizeAndOffScoresNone(TestPipeline pipeline) {
    PCollection<String> auto = sections(pipeline, "Auto", spec("auto", 3), input());
    PCollection<String> off = sections(pipeline, "Off", spec("off", null), input());
    PAssert.that(auto)
        .satisfies(
            sections -> {
              Map<String, JsonNode> byTask = byTask(sections);
              assertEquals("lexical", byTask.get("billing").get("mode").asText(), "7 > 3");
              assertEquals("semantic", byTask.get("shipping").get("mode").asText(), "3 <= 3");
              return null;
            });
    PAssert.that(off)
        .satisfies(
            sections -> {
              byTask(sections)
                  .values()
                  .forEach(section -> assertEquals("lexical", section.get("mode").asText()));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void everyCriterionIsTheSameWhateverTheOrder(TestPipeline pipeline) {
    SiftSpec spec = spec("on", null);
    PCollectionList<String> runs = PCollectionList.empty(pipeline);
    for (int seed = 0; seed < 3; seed++) {
      List<Conversation> shuffled = new ArrayList<>(input());
      Collections.shuffle(shuffled, new Random(seed));
      runs = runs.and(sections(pipeline, "Shuffled" + seed, spec, shuffled));
    }
    PAssert.that(runs.apply(Flatten.pCollections()).apply(Distinct.create()))
        .satisfies(
            distinct -> {
              Map<String, Integer> perTask = new TreeMap<>();
              byTask(distinct).keySet().forEach(t -> perTask.merge(t, 1, Integer::sum));
              int sections = 0;
              for (String ignored : distinct) {
                sections++;
              }
              assertEquals(2, sections, "one section per task, the same in every order");
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
