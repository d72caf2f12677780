package dev.sift.transforms.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.Reason;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.Buckets;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.accounting.Accounting;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.quality.ScoredConversation;
import dev.sift.transforms.quality.TaskQuality;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Decides each task ({@link DecideTasks}) and makes what the decision calls for
 * (docs/decide-and-emit.md): fine-tuning files, checked and split ({@link SplitFineTuneExamples}),
 * and few-shot bundles ({@link BuildFewShotBundles}), as file entries for {@code WriteSortedFiles}.
 * A few-shot task's conversations that are not chosen are filtered as {@code not_selected}; a task
 * that gets both draws its bundle from its training split, whose examples are counted once, as
 * training examples.
 *
 * <p>Input: the kept conversations with their signals ({@link #SCORED}), each task's quality
 * ({@link #QUALITY}) and the dedup stage's filtered conversations ({@link #DEDUPLICATED}).
 */
public final class EmitTaskOutputs extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final String STAGE = "emit";
  public static final String FEW_SHOT = "few_shot";

  public static final TupleTag<ScoredConversation> SCORED = new TupleTag<>() {};
  public static final TupleTag<KV<String, TaskQuality>> QUALITY = DecideTasks.QUALITY;
  public static final TupleTag<Filtered> DEDUPLICATED = DecideTasks.DEDUPLICATED;

  /** Entries {@code (file, (sortKey, text))}. */
  public static final TupleTag<KV<String, KV<String, String>>> FILES = new TupleTag<>() {};

  /**
   * {@code (task, output)} for every conversation emitted; output is train, validation or few_shot.
   */
  public static final TupleTag<KV<String, String>> EMITTED = new TupleTag<>() {};

  /** {@code (task, JSON)}: the decision, its reason, the split, token statistics and bundle. */
  public static final TupleTag<KV<String, String>> TASK_OUTPUTS = new TupleTag<>() {};

  /** {@code (task, (path, JSON value))}: one fact of a task's outputs, as stages find it. */
  static final TupleTag<KV<String, KV<String, String>>> FACTS = new TupleTag<>() {};

  static final TypeDescriptor<KV<String, KV<String, String>>> FACT_TYPE =
      TypeDescriptors.kvs(
          TypeDescriptors.strings(),
          TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()));

  private static final TupleTag<ScoredConversation> FINE_TUNE_EXAMPLES = new TupleTag<>() {};
  private static final TupleTag<ScoredConversation> FEW_SHOT_ONLY = new TupleTag<>() {};

  private final SiftSpec spec;
  private final Buckets buckets;

  private EmitTaskOutputs(SiftSpec spec, Buckets buckets) {
    this.spec = spec;
    this.buckets = buckets;
  }

  /** The outputs the spec asks for, the split-leak search in {@link Buckets#FOR_CLUSTERS}. */
  public static EmitTaskOutputs withSpec(SiftSpec spec) {
    return new EmitTaskOutputs(spec, Buckets.of(Buckets.FOR_CLUSTERS));
  }

  /** The same, the split-leak search's exchanges in {@code buckets}; outputs do not change. */
  public EmitTaskOutputs inBuckets(Buckets buckets) {
    return new EmitTaskOutputs(spec, buckets);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple input) {
    PCollection<ScoredConversation> scored = input.get(SCORED);
    PCollection<KV<String, TaskDecision>> decisions =
        input.apply("DecideTasks", new DecideTasks(spec));
    PCollectionView<Map<String, TaskDecision>> decided =
        decisions.apply("ViewDecisions", View.asMap());

    PCollectionTuple routed =
        scored.apply(
            "RouteByDecision",
            ParDo.of(new RouteFn(spec, decided))
                .withSideInputs(decided)
                .withOutputTags(
                    FINE_TUNE_EXAMPLES, TupleTagList.of(FEW_SHOT_ONLY).and(StageOutputs.FILTERED)));
    PCollectionTuple split =
        routed
            .get(FINE_TUNE_EXAMPLES)
            .setCoder(scored.getCoder())
            .apply("SplitFineTuneExamples", new SplitFineTuneExamples(spec, buckets));
    PCollection<ScoredConversation> fewShotOnly =
        routed.get(FEW_SHOT_ONLY).setCoder(scored.getCoder());
    PCollectionTuple bundles =
        PCollectionList.of(fewShotOnly)
            .and(
                split
                    .get(SplitFineTuneExamples.TRAINING)
                    .apply(
                        "KeepTrainingOfBundledTasks",
                        ParDo.of(new KeepBundledFn(decided)).withSideInputs(decided))
                    // Flink unions only inputs of one coder; the split's is a schema coder.
                    .setCoder(scored.getCoder()))
            .apply("MergeBundleCandidates", Flatten.pCollections())
            .apply("BuildFewShotBundles", new BuildFewShotBundles(spec, decided));
    PCollectionView<Map<String, List<String>>> chosen =
        bundles.get(BuildFewShotBundles.CHOSEN).apply("ViewChosen", View.asMap());
    PCollectionTuple marked =
        fewShotOnly.apply(
            "SeparateChosenFromRest",
            ParDo.of(new MarkChosenFn(chosen))
                .withSideInputs(chosen)
                .withOutputTags(EMITTED, TupleTagList.of(StageOutputs.FILTERED)));

    PCollection<KV<String, String>> taskOutputs =
        PCollectionList.of(decisions.apply("RenderDecisions", ParDo.of(new DecisionFactsFn())))
            .and(split.get(FACTS))
            .and(bundles.get(FACTS))
            .apply("MergeFacts", Flatten.pCollections())
            .apply("GroupFactsByTask", GroupByKey.create())
            .apply("RenderTaskOutputs", ParDo.of(new RenderFactsFn()));

    return PCollectionTuple.of(
            FILES,
            PCollectionList.of(split.get(FILES))
                .and(bundles.get(FILES))
                .apply("MergeFiles", Flatten.pCollections()))
        .and(
            EMITTED,
            PCollectionList.of(split.get(EMITTED))
                .and(marked.get(EMITTED))
                .apply("MergeEmitted", Flatten.pCollections()))
        .and(
            StageOutputs.FILTERED,
            PCollectionList.of(routed.get(StageOutputs.FILTERED))
                .and(split.get(StageOutputs.FILTERED))
                .and(marked.get(StageOutputs.FILTERED))
                .apply("MergeFiltered", Flatten.pCollections()))
        .and(TASK_OUTPUTS, taskOutputs);
  }

  /**
   * Sends a fine-tuning task's examples through the format checks to the split, and every other
   * task's conversations to its bundle.
   */
  private static final class RouteFn extends DoFn<ScoredConversation, ScoredConversation> {
    private final SiftSpec spec;
    private final PCollectionView<Map<String, TaskDecision>> decided;

    RouteFn(SiftSpec spec, PCollectionView<Map<String, TaskDecision>> decided) {
      this.spec = spec;
      this.decided = decided;
    }

    @ProcessElement
    public void processElement(
        @Element ScoredConversation scored, ProcessContext context, MultiOutputReceiver out) {
      Conversation conversation = scored.getConversation();
      TaskDecision decision = context.sideInput(decided).get(conversation.getTask());
      if (!decision.fineTunes()) {
        out.get(FEW_SHOT_ONLY).output(scored);
        return;
      }
      long tokens = scored.getSignals().getTokens() + scored.getSignals().getSystemTokens();
      Reason problem = FineTuneChecks.problem(conversation, tokens, spec.emit().maxExampleTokens());
      if (problem == null) {
        out.get(FINE_TUNE_EXAMPLES).output(scored);
        return;
      }
      Accounting.filtered(problem.code());
      out.get(StageOutputs.FILTERED)
          .output(
              Filtered.of(
                  conversation,
                  STAGE,
                  problem,
                  problem == Reason.TOO_MANY_TOKENS
                      ? tokens + " tokens, above emit.maxExampleTokens"
                      : "refused by the fine-tuning format checks"));
    }
  }

  private static final class KeepBundledFn extends DoFn<ScoredConversation, ScoredConversation> {
    private final PCollectionView<Map<String, TaskDecision>> decided;

    KeepBundledFn(PCollectionView<Map<String, TaskDecision>> decided) {
      this.decided = decided;
    }

    @ProcessElement
    public void processElement(
        @Element ScoredConversation scored,
        ProcessContext context,
        OutputReceiver<ScoredConversation> out) {
      if (context.sideInput(decided).get(scored.getConversation().getTask()).bundles()) {
        out.output(scored);
      }
    }
  }

  private static final class MarkChosenFn extends DoFn<ScoredConversation, KV<String, String>> {
    private final PCollectionView<Map<String, List<String>>> chosenIds;

    MarkChosenFn(PCollectionView<Map<String, List<String>>> chosenIds) {
      this.chosenIds = chosenIds;
    }

    @ProcessElement
    public void processElement(
        @Element ScoredConversation scored, ProcessContext context, MultiOutputReceiver out) {
      Conversation conversation = scored.getConversation();
      String task = conversation.getTask();
      List<String> chosen = context.sideInput(chosenIds).getOrDefault(task, List.of());
      if (chosen.contains(conversation.getId())) {
        Accounting.emitted(FEW_SHOT);
        out.get(EMITTED).output(KV.of(task, FEW_SHOT));
        return;
      }
      Accounting.filtered(Reason.NOT_SELECTED.code());
      out.get(StageOutputs.FILTERED)
          .output(
              Filtered.of(
                  conversation,
                  STAGE,
                  Reason.NOT_SELECTED,
                  "the bundle holds " + chosen.size() + " of the task's conversations"));
    }
  }

  private static final class DecisionFactsFn
      extends DoFn<KV<String, TaskDecision>, KV<String, KV<String, String>>> {
    @ProcessElement
    public void processElement(
        @Element KV<String, TaskDecision> task,
        OutputReceiver<KV<String, KV<String, String>>> out) {
      TaskDecision decision = task.getValue();
      out.output(
          KV.of(
              task.getKey(),
              KV.of("decision", Json.compact(TextNode.valueOf(decision.kind().label())))));
      out.output(
          KV.of(task.getKey(), KV.of("why", Json.compact(TextNode.valueOf(decision.why())))));
    }
  }

  /** One JSON object per task from its facts, nested by the '/' of their paths. */
  static final class RenderFactsFn
      extends DoFn<KV<String, Iterable<KV<String, String>>>, KV<String, String>> {
    private static final int FACT_DEPTH = 3;

    @ProcessElement
    public void processElement(
        @Element KV<String, Iterable<KV<String, String>>> task,
        OutputReceiver<KV<String, String>> out) {
      Map<String, String> facts = new TreeMap<>();
      task.getValue().forEach(fact -> facts.put(fact.getKey(), fact.getValue()));
      out.output(KV.of(task.getKey(), Json.compact(nest(facts))));
    }

    /**
     * Facts nested by the '/' of their paths, to three levels at most: the third segment is data (a
     * label of {@code split/byLabel/<label>}) and keeps any '/' it holds.
     */
    static ObjectNode nest(Map<String, String> facts) {
      ObjectNode root = Json.object();
      facts.forEach(
          (path, value) -> {
            String[] parts = path.split("/", FACT_DEPTH);
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
              node =
                  node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
            }
            node.set(parts[parts.length - 1], parse(value));
          });
      return root;
    }

    private static JsonNode parse(String json) {
      try {
        return Json.mapper().readTree(json);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("a fact is not JSON: " + json, e);
      }
    }
  }
}
