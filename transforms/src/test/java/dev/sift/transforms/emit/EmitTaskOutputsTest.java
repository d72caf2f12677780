package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.EmitSpec;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.TaskDefaults;
import dev.sift.schemas.spec.TaskSpec;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.quality.ScoreQuality;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * EmitTaskOutputs after ScoreQuality, as curate runs them: a large task is split exactly per label
 * and checked, a small one gets a bundle within its token budget, and a task that asks for both
 * gets both, its bundle drawn from its training split.
 */
@ExtendWith(TestPipelineExtension.class)
class EmitTaskOutputsTest {
  private static final String[] PRODUCTS = {
    "invoice",
    "refund",
    "subscription",
    "card",
    "plan",
    "receipt",
    "seat",
    "discount",
    "trial",
    "charge",
    "coupon",
    "renewal"
  };
  private static final String[] PROBLEMS = {
    "was charged twice", "shows the wrong amount", "did not arrive", "has an unknown fee",
    "was cancelled early", "lists an old address", "renewed without notice", "is missing tax"
  };

  /** Fine-tune from 40 conversations, bundles of 3 within 120 tokens, a quarter held out. */
  private static final SiftSpec SPEC =
      new SiftSpec(
          null,
          new TaskDefaults(40, 3, 0.25, null, 120),
          Map.of("billing", task("auto"), "returns", task("auto"), "accounts", task("both")),
          null,
          null,
          null,
          null,
          new EmitSpec("intent", null, 60, null, null, null));

  private static TaskSpec task(String output) {
    return new TaskSpec(
        "Billing questions: invoices, refunds, charges and plans.",
        null,
        null,
        null,
        List.of(PRODUCTS),
        List.of(),
        output,
        null);
  }

  /** {@code n} varied billing exchanges of {@code task}, intents refund and invoice 3:1. */
  static List<Conversation> conversations(String task, int n, long seed) {
    Random random = new Random(seed);
    List<Conversation> conversations = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
      String other = PRODUCTS[random.nextInt(PRODUCTS.length)];
      String problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
      String question =
          String.format(
              "Hello, my %s %s and the %s for order %d is affected too. What can you do?",
              product, problem, other, 1000 + i);
      String answer =
          String.format(
              "Sorry about the %s. I checked order %d: the %s %s, so I fixed the %s and sent"
                  + " you a note.",
              product, 1000 + i, product, problem, other);
      conversations.add(
          Conversation.of(
              task,
              SourceRef.create(task + ".jsonl", i + 1, i, "openai"),
              List.of(Message.of(Role.USER, question), Message.of(Role.ASSISTANT, answer)),
              Map.of("intent", i % 4 == 3 ? "invoice" : "refund")));
    }
    return conversations;
  }

  private static List<Conversation> input() {
    List<Conversation> all = new ArrayList<>(conversations("billing", 80, 1));
    all.addAll(conversations("returns", 7, 2));
    all.addAll(conversations("accounts", 60, 3));
    all.add(
        Conversation.of(
            "billing",
            SourceRef.create("billing.jsonl", 900, 899, "openai"),
            List.of(
                Message.of(Role.USER, "Please refund the charge on my invoice for the plan."),
                Message.of(Role.TOOL, "{\"refund\": \"queued\"}"),
                Message.of(Role.ASSISTANT, "The refund for your plan invoice is queued.")),
            Map.of("intent", "refund")));
    String longAnswer =
        "Your invoice lists the plan at the start of the month, then the two extra seats you"
            + " added in the second week, prorated to the renewal date. The refund for the"
            + " cancelled seat appears as a credit line below them, and the tax is computed on"
            + " the total after that credit, which is why the amount differs from the price"
            + " page. The coupon from your trial applies only to the first invoice.";
    all.add(
        Conversation.of(
            "billing",
            SourceRef.create("billing.jsonl", 901, 900, "openai"),
            List.of(
                Message.of(Role.USER, "Can you explain every charge on my invoice and refund?"),
                Message.of(Role.ASSISTANT, longAnswer)),
            Map.of("intent", "invoice")));
    return all;
  }

  private static PCollectionTuple emit(TestPipeline pipeline, String name, List<Conversation> in) {
    PCollectionTuple scored =
        pipeline
            .apply(name + "Create", Create.of(in))
            .apply(name + "Score", ScoreQuality.withSpec(SPEC));
    return PCollectionTuple.of(EmitTaskOutputs.SCORED, scored.get(ScoreQuality.SCORED))
        .and(EmitTaskOutputs.QUALITY, scored.get(ScoreQuality.TASKS))
        .and(
            EmitTaskOutputs.DEDUPLICATED,
            pipeline.apply(name + "NoDuplicates", Create.empty(TypeDescriptor.of(Filtered.class))))
        .apply(name + "Emit", EmitTaskOutputs.withSpec(SPEC));
  }

  @Test
  void decidesSplitsChecksAndBundlesEachTask(TestPipeline pipeline) {
    PCollectionTuple emitted = emit(pipeline, "Ordered", input());

    PAssert.that(emitted.get(EmitTaskOutputs.TASK_OUTPUTS))
        .satisfies(
            outputs -> {
              Map<String, JsonNode> byTask = new TreeMap<>();
              outputs.forEach(o -> byTask.put(o.getKey(), parse(o.getValue())));
              assertEquals("fine-tune", byTask.get("billing").get("decision").asText());
              assertEquals("few-shot", byTask.get("returns").get("decision").asText());
              assertEquals("both", byTask.get("accounts").get("decision").asText());
              JsonNode refund = byTask.get("billing").at("/split/byLabel/refund");
              JsonNode invoice = byTask.get("billing").at("/split/byLabel/invoice");
              // 60 refund and 20 invoice examples pass the checks: a quarter of each held out.
              assertEquals(15, refund.get("validation").asInt(), refund.toString());
              assertEquals(45, refund.get("train").asInt());
              assertEquals(5, invoice.get("validation").asInt(), invoice.toString());
              JsonNode tokens = byTask.get("billing").at("/tokens/train");
              assertTrue(tokens.get("max").asInt() <= 60, tokens.toString());
              assertEquals(
                  3 * tokens.get("total").asLong(), tokens.get("totalTimesEpochs").asLong());
              JsonNode bundle = byTask.get("accounts").get("fewShot");
              assertTrue(bundle.get("tokens").asInt() <= 120, bundle.toString());
              // Two of the returns exchanges fit the 120-token budget; a third would not.
              JsonNode returns = byTask.get("returns").get("fewShot");
              assertEquals(2, returns.get("examples").asInt(), returns.toString());
              assertTrue(returns.get("tokens").asInt() <= 120, returns.toString());
              // The report's excerpts of the chosen examples, for its page, in the bundle's order.
              assertEquals(2, returns.get("chosen").size(), returns.toString());
              for (JsonNode example : returns.get("chosen")) {
                assertEquals("user", example.at("/messages/0/role").asText(), example.toString());
                assertEquals(0, example.get("charsLeftOut").asInt(), example.toString());
              }
              return null;
            });
    PAssert.that(
            emitted
                .get(StageOutputs.FILTERED)
                .apply(
                    "RenderReasons",
                    MapElements.into(TypeDescriptors.strings())
                        .via(f -> f.getTask() + " " + f.getReason())))
        .satisfies(
            reasons -> {
              Map<String, Integer> counts = new TreeMap<>();
              reasons.forEach(r -> counts.merge(r, 1, Integer::sum));
              assertEquals(
                  Map.of(
                      "billing unsupported_role", 1,
                      "billing too_many_tokens", 1,
                      "returns not_selected", 5),
                  counts);
              return null;
            });
    PAssert.that(emitted.get(EmitTaskOutputs.FILES))
        .satisfies(
            files -> {
              Map<String, Integer> lines = new HashMap<>();
              for (KV<String, KV<String, String>> entry : files) {
                lines.merge(entry.getKey(), 1, Integer::sum);
                if (entry.getKey().endsWith(".jsonl")) {
                  JsonNode line = parse(entry.getValue().getValue());
                  assertEquals(1, line.size(), "train lines hold messages only");
                }
              }
              assertEquals(
                  80,
                  lines.get("tasks/billing/train.jsonl")
                      + lines.get("tasks/billing/validation.jsonl"));
              assertEquals(1, lines.get("tasks/returns/few-shot.json"));
              assertEquals(1, lines.get("tasks/accounts/few-shot.json"));
              assertEquals(
                  60,
                  lines.get("tasks/accounts/train.jsonl")
                      + lines.get("tasks/accounts/validation.jsonl"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theSameFilesWhateverTheInputOrder(TestPipeline pipeline) {
    List<Conversation> shuffled = new ArrayList<>(input());
    Collections.shuffle(shuffled, new Random(11));
    PCollection<String> both =
        PCollectionList.of(rendered(pipeline, "Ordered", input()))
            .and(rendered(pipeline, "Shuffled", shuffled))
            .apply("MergeRuns", Flatten.pCollections());
    PAssert.thatSingleton(
            both.apply("DropEqualRuns", Distinct.create()).apply("CountRuns", Count.globally()))
        .isEqualTo(1L);
    pipeline.run().waitUntilFinish();
  }

  /** Every file entry of a run, sorted and joined. */
  private static PCollection<String> rendered(
      TestPipeline pipeline, String name, List<Conversation> input) {
    return emit(pipeline, name, input)
        .get(EmitTaskOutputs.FILES)
        .apply(name + "Render", MapElements.into(TypeDescriptors.strings()).via(KV::toString))
        .apply(name + "Collect", Combine.globally(new JoinSortedFn()));
  }

  private static final class JoinSortedFn extends Combine.CombineFn<String, List<String>, String> {
    @Override
    public List<String> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<String> addInput(List<String> all, String entry) {
      all.add(entry);
      return all;
    }

    @Override
    public List<String> mergeAccumulators(Iterable<List<String>> parts) {
      List<String> all = new ArrayList<>();
      parts.forEach(all::addAll);
      return all;
    }

    @Override
    public String extractOutput(List<String> all) {
      List<String> sorted = new ArrayList<>(all);
      Collections.sort(sorted);
      return String.join("\n", sorted);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aLabelHoldingASlashStaysOneStratum() {
    Map<String, String> facts = new TreeMap<>();
    facts.put("split/byLabel/refund/partial", "{\"train\":9,\"validation\":1,\"capped\":0}");
    facts.put("split/movedToTrain", "2");
    facts.put("tokens/train", "{\"examples\":9}");

    JsonNode nested = EmitTaskOutputs.RenderFactsFn.nest(facts);

    assertEquals(9, nested.at("/split/byLabel").get("refund/partial").get("train").asInt());
    assertEquals(2, nested.at("/split/movedToTrain").asInt());
    assertEquals(9, nested.at("/tokens/train/examples").asInt());
  }
}
