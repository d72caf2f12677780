package dev.sift.transforms.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.Reason;
import dev.sift.schemas.spec.EmitSpec;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.Buckets;
import dev.sift.transforms.SchemaCoders;
import dev.sift.transforms.SerializedCoder;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.accounting.Accounting;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.quality.ScoredConversation;
import dev.sift.transforms.write.OutputLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.Keys;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
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
 * Splits the checked examples of the fine-tuning tasks into train and validation ({@link Split}:
 * exact per stratum, capped per label), moves validation examples that are near duplicates of
 * training ones to train ({@link FindSplitLeaks}), and renders the lines of {@code train.jsonl} and
 * {@code validation.jsonl}. Outputs: {@link EmitTaskOutputs#FILES}, {@link
 * EmitTaskOutputs#EMITTED}, the capped examples ({@link StageOutputs#FILTERED}), the training
 * examples ({@link #TRAINING}, from which a task that asks for both draws its few-shot bundle) and
 * facts per task for the report ({@link EmitTaskOutputs#FACTS}).
 */
final class SplitFineTuneExamples
    extends PTransform<PCollection<ScoredConversation>, PCollectionTuple> {
  static final TupleTag<ScoredConversation> TRAINING = new TupleTag<>() {};

  private static final TupleTag<KV<String, ScoredConversation>> SIDED = new TupleTag<>() {};

  /** {@code (task + NUL + side, tokens)} of every example written. */
  private static final TupleTag<KV<String, Integer>> TOKENS = new TupleTag<>() {};

  /** The task of every validation example moved to train. */
  private static final TupleTag<String> MOVED = new TupleTag<>() {};

  private final SiftSpec spec;
  private final Buckets buckets;

  SplitFineTuneExamples(SiftSpec spec, Buckets buckets) {
    this.spec = spec;
    this.buckets = buckets;
  }

  @Override
  public PCollectionTuple expand(PCollection<ScoredConversation> examples) {
    EmitSpec emit = spec.emit();
    String field = emit.stratifyField(spec.quality().labelFields());
    PCollection<KV<String, ScoredConversation>> byStratum =
        examples
            .apply(
                "KeyByStratum",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(), TypeDescriptor.of(ScoredConversation.class)))
                    .via(example -> KV.of(stratum(example.getConversation(), field), example)))
            .setCoder(SchemaCoders.keyed(examples, ScoredConversation.class));
    PCollectionView<Map<String, Long>> sizes =
        byStratum
            .apply("TakeStrata", Keys.create())
            .apply("CountPerStratum", Count.perElement())
            .apply("ViewStratumSizes", View.asMap());
    PCollection<KV<String, Split.Cuts>> cuts =
        byStratum
            .apply(
                "HashIds",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                    .via(
                        e -> KV.of(e.getKey(), Split.hash(e.getValue().getConversation().getId()))))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            .apply("GroupHashesByStratum", GroupByKey.create())
            .apply("CutStrata", ParDo.of(new CutFn(spec, sizes)).withSideInputs(sizes))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializedCoder.forType(Split.Cuts.class)));
    PCollectionView<Map<String, Split.Cuts>> cutsView = cuts.apply("ViewCuts", View.asMap());

    PCollectionTuple sided =
        byStratum.apply(
            "AssignSides",
            ParDo.of(new AssignFn(cutsView))
                .withSideInputs(cutsView)
                .withOutputTags(SIDED, TupleTagList.of(StageOutputs.FILTERED)));
    PCollection<KV<String, ScoredConversation>> assigned =
        sided.get(SIDED).setCoder(SchemaCoders.keyed(examples, ScoredConversation.class));
    PCollectionView<List<String>> leaks =
        assigned
            .apply(
                "TakeConversations",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(), TypeDescriptor.of(Conversation.class)))
                    .via(e -> KV.of(e.getKey(), e.getValue().getConversation())))
            .setCoder(SchemaCoders.keyed(examples, Conversation.class))
            .apply(
                "FindSplitLeaks", new FindSplitLeaks(spec.dedup(), emit.leakThreshold(), buckets))
            .apply("ViewLeaks", View.asList());

    PCollectionTuple written =
        assigned.apply(
            "RenderExamples",
            ParDo.of(new RenderFn(leaks))
                .withSideInputs(leaks)
                .withOutputTags(
                    EmitTaskOutputs.FILES,
                    TupleTagList.of(EmitTaskOutputs.EMITTED).and(TRAINING).and(TOKENS).and(MOVED)));
    PCollection<KV<String, KV<String, String>>> tokenFacts =
        written
            .get(TOKENS)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
            .apply("CountTokenLengths", Combine.perKey(new TokenStats.HistogramFn()))
            .apply(
                "RenderTokenStats",
                MapElements.into(EmitTaskOutputs.FACT_TYPE)
                    .via(
                        h -> {
                          String[] taskAndSide = h.getKey().split("\u0000", 2);
                          return KV.of(
                              taskAndSide[0],
                              KV.of(
                                  "tokens/" + taskAndSide[1],
                                  Json.compact(TokenStats.render(h.getValue(), emit.epochs()))));
                        }));
    PCollection<KV<String, KV<String, String>>> leakFacts =
        written
            .get(MOVED)
            .apply("CountMovedPerTask", Count.perElement())
            .apply(
                "RenderMovedCounts",
                MapElements.into(EmitTaskOutputs.FACT_TYPE)
                    .via(
                        n ->
                            KV.of(
                                n.getKey(), KV.of("split/movedToTrain", n.getValue().toString()))));
    PCollection<KV<String, KV<String, String>>> strataFacts =
        cuts.apply("RenderStrata", ParDo.of(new StratumFactsFn(field)));

    return PCollectionTuple.of(EmitTaskOutputs.FILES, written.get(EmitTaskOutputs.FILES))
        .and(EmitTaskOutputs.EMITTED, written.get(EmitTaskOutputs.EMITTED))
        .and(StageOutputs.FILTERED, sided.get(StageOutputs.FILTERED))
        .and(
            TRAINING,
            written.get(TRAINING).setCoder(SchemaCoders.of(examples, ScoredConversation.class)))
        .and(
            EmitTaskOutputs.FACTS,
            PCollectionList.of(tokenFacts)
                .and(leakFacts)
                .and(strataFacts)
                .apply("MergeSplitFacts", org.apache.beam.sdk.transforms.Flatten.pCollections()));
  }

  /** The task, and the example's value of the stratify field ("" when it has none). */
  static String stratum(Conversation conversation, String field) {
    String label = field == null ? "" : conversation.getMetadata().getOrDefault(field, "");
    return conversation.getTask() + "\u0000" + label;
  }

  private static String taskOf(String stratum) {
    return stratum.substring(0, stratum.indexOf('\u0000'));
  }

  private static String labelOf(String stratum) {
    return stratum.substring(stratum.indexOf('\u0000') + 1);
  }

  /** Sorts each stratum's hashes and cuts them, the label limit from its task's strata sizes. */
  private static final class CutFn
      extends DoFn<KV<String, Iterable<Long>>, KV<String, Split.Cuts>> {
    private final SiftSpec spec;
    private final PCollectionView<Map<String, Long>> sizes;

    CutFn(SiftSpec spec, PCollectionView<Map<String, Long>> sizes) {
      this.spec = spec;
      this.sizes = sizes;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, Iterable<Long>> stratum,
        ProcessContext context,
        OutputReceiver<KV<String, Split.Cuts>> out) {
      String task = taskOf(stratum.getKey());
      List<Long> labelCounts = new ArrayList<>();
      context
          .sideInput(sizes)
          .forEach(
              (key, n) -> {
                if (taskOf(key).equals(task)) {
                  labelCounts.add(n);
                }
              });
      List<Long> hashes = new ArrayList<>();
      stratum.getValue().forEach(hashes::add);
      long[] sorted = hashes.stream().mapToLong(Long::longValue).sorted().toArray();
      long limit = Split.labelLimit(labelCounts, spec.emit().labelCap());
      double fraction = spec.settingsFor(task).validationFraction();
      out.output(KV.of(stratum.getKey(), Split.cuts(sorted, limit, fraction)));
    }
  }

  private static final class AssignFn
      extends DoFn<KV<String, ScoredConversation>, KV<String, ScoredConversation>> {
    private final PCollectionView<Map<String, Split.Cuts>> cuts;

    AssignFn(PCollectionView<Map<String, Split.Cuts>> cuts) {
      this.cuts = cuts;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, ScoredConversation> example,
        ProcessContext context,
        MultiOutputReceiver out) {
      Conversation conversation = example.getValue().getConversation();
      Split.Cuts stratum = context.sideInput(cuts).get(example.getKey());
      String side = stratum.sideOf(Split.hash(conversation.getId()));
      if (side != null) {
        out.get(SIDED).output(KV.of(side, example.getValue()));
        return;
      }
      Accounting.filtered(Reason.LABEL_CAP.code());
      out.get(StageOutputs.FILTERED)
          .output(
              Filtered.of(
                  conversation,
                  EmitTaskOutputs.STAGE,
                  Reason.LABEL_CAP,
                  String.format(
                      Locale.ROOT,
                      "label %s keeps %d of %d",
                      labelOf(example.getKey()),
                      stratum.train() + stratum.validation(),
                      stratum.train() + stratum.validation() + stratum.capped())));
    }
  }

  /** A line of train.jsonl or validation.jsonl; a leaking validation example goes to train. */
  private static final class RenderFn
      extends DoFn<KV<String, ScoredConversation>, KV<String, KV<String, String>>> {
    private final PCollectionView<List<String>> leaks;
    private transient BoundedWindow leaksWindow;
    private transient Set<String> leaking;

    RenderFn(PCollectionView<List<String>> leaks) {
      this.leaks = leaks;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, ScoredConversation> example,
        BoundedWindow window,
        ProcessContext context,
        MultiOutputReceiver out) {
      // A batch side input is the same for the whole window, but a runner may hand out a new
      // list at each call (the Direct Runner does): the set is built once per window.
      if (!window.equals(leaksWindow)) {
        leaking = new HashSet<>(context.sideInput(leaks));
        leaksWindow = window;
      }
      ScoredConversation scored = example.getValue();
      Conversation conversation = scored.getConversation();
      String task = conversation.getTask();
      String side = example.getKey();
      if (side.equals(Split.VALIDATION) && leaking.contains(conversation.getId())) {
        side = Split.TRAIN;
        out.get(MOVED).output(task);
      }
      ObjectNode line = Json.object();
      line.set("messages", Json.messages(conversation.getMessages(), false));
      Accounting.emitted(side);
      out.get(EmitTaskOutputs.EMITTED).output(KV.of(task, side));
      out.get(EmitTaskOutputs.FILES)
          .output(
              KV.of(
                  OutputLayout.taskFile(task, side + ".jsonl"),
                  KV.of(conversation.getId(), Json.compact(line))));
      out.get(TOKENS)
          .output(
              KV.of(
                  task + "\u0000" + side,
                  scored.getSignals().getTokens() + scored.getSignals().getSystemTokens()));
      if (side.equals(Split.TRAIN)) {
        out.get(TRAINING).output(scored);
      }
    }
  }

  /** Each stratum's counts: {@code split/byLabel/<label>} when the split is stratified. */
  private static final class StratumFactsFn
      extends DoFn<KV<String, Split.Cuts>, KV<String, KV<String, String>>> {
    private final String field;

    StratumFactsFn(String field) {
      this.field = field;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, Split.Cuts> stratum,
        OutputReceiver<KV<String, KV<String, String>>> out) {
      Split.Cuts cuts = stratum.getValue();
      ObjectNode counts = Json.object();
      counts.put("train", cuts.train());
      counts.put("validation", cuts.validation());
      counts.put("capped", cuts.capped());
      String key =
          field == null
              ? "split/counts"
              : "split/byLabel/"
                  + (labelOf(stratum.getKey()).isEmpty() ? "(none)" : labelOf(stratum.getKey()));
      out.output(KV.of(taskOf(stratum.getKey()), KV.of(key, Json.compact(counts))));
    }
  }
}
