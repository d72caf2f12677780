package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.TaskDefaults;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.TestConversations;
import dev.sift.transforms.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class EmitTaskOutputsTest {
  /** Fine-tune from 20 conversations, bundles of 3, a quarter held out. */
  private static final SiftSpec SPEC =
      new SiftSpec(null, new TaskDefaults(20, 3, 0.25), null, null, null, null, null);

  @Test
  void splitsALargeTaskAndBundlesASmallOne(TestPipeline pipeline) {
    List<Conversation> conversations = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      conversations.add(
          TestConversations.qa("billing", "b.jsonl", i, "Question " + i, "Answer " + i));
    }
    for (int i = 1; i <= 7; i++) {
      conversations.add(TestConversations.qa("returns", "r.jsonl", i, "Return " + i, "Sure " + i));
    }
    PCollectionTuple emitted =
        pipeline.apply(Create.of(conversations)).apply(EmitTaskOutputs.withSpec(SPEC));

    PAssert.that(emitted.get(EmitTaskOutputs.FILES))
        .satisfies(
            files -> {
              Map<String, Integer> lines = new HashMap<>();
              JsonNode bundle = null;
              for (KV<String, KV<String, String>> entry : files) {
                lines.merge(entry.getKey(), 1, Integer::sum);
                if (entry.getKey().endsWith("few-shot.json")) {
                  bundle = parse(entry.getValue().getValue());
                } else {
                  JsonNode line = parse(entry.getValue().getValue());
                  assertEquals(
                      List.of("messages"), fieldNames(line), "train lines hold messages only");
                }
              }
              int train = lines.get("tasks/billing/train.jsonl");
              int validation = lines.get("tasks/billing/validation.jsonl");
              assertEquals(40, train + validation);
              assertTrue(validation > 0 && validation < 20, "validation " + validation);
              assertEquals(1, lines.get("tasks/returns/few-shot.json"));
              assertEquals("few-shot", bundle.get("decision").asText());
              assertEquals(7, bundle.get("available").asInt());
              assertEquals(3, bundle.get("examples").size());
              return null;
            });
    PAssert.thatSingleton(
            emitted.get(StageOutputs.FILTERED).apply("CountFiltered", Count.globally()))
        .isEqualTo(4L);
    PAssert.thatSingleton(
            emitted.get(EmitTaskOutputs.EMITTED).apply("CountEmitted", Count.globally()))
        .isEqualTo(43L);
    pipeline.run().waitUntilFinish();
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
