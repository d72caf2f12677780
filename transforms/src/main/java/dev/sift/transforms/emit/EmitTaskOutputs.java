package dev.sift.transforms.emit;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.Reason;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.TaskSpec;
import dev.sift.transforms.SchemaCoders;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.accounting.Accounting;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.write.OutputLayout;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
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
 * Decides each task from its kept conversations ({@link TaskDecision}) and renders its outputs as
 * file entries for {@code WriteSortedFiles}: fine-tuning lines split by {@link Split}, or a
 * few-shot bundle of the task's k conversations with the smallest ids (ids are content hashes, so
 * this is a deterministic pseudo-random sample). Conversations of a few-shot task that are not
 * chosen are filtered as {@code not_selected}.
 */
public final class EmitTaskOutputs extends PTransform<PCollection<Conversation>, PCollectionTuple> {
  public static final String STAGE = "emit";
  public static final String FEW_SHOT = "few_shot";

  /** Entries {@code (file, (sortKey, text))}. */
  public static final TupleTag<KV<String, KV<String, String>>> FILES = new TupleTag<>() {};

  /**
   * {@code (task, output)} for every conversation emitted; output is train, validation or few_shot.
   */
  public static final TupleTag<KV<String, String>> EMITTED = new TupleTag<>() {};

  private static final TupleTag<KV<String, Conversation>> FEW_SHOT_CANDIDATES = new TupleTag<>() {};

  private final SiftSpec spec;

  private EmitTaskOutputs(SiftSpec spec) {
    this.spec = spec;
  }

  public static EmitTaskOutputs withSpec(SiftSpec spec) {
    return new EmitTaskOutputs(spec);
  }

  @Override
  public PCollectionTuple expand(PCollection<Conversation> kept) {
    PCollectionView<Map<String, Long>> keptPerTask =
        kept.apply(
                "TakeTaskOfEach",
                MapElements.into(TypeDescriptors.strings()).via(Conversation::getTask))
            .apply("CountPerTask", Count.perElement())
            .apply("ViewKeptPerTask", View.asMap());

    PCollectionTuple routed =
        kept.apply(
            "RouteByDecision",
            ParDo.of(new RouteFn(spec, keptPerTask))
                .withSideInputs(keptPerTask)
                .withOutputTags(FILES, TupleTagList.of(FEW_SHOT_CANDIDATES).and(EMITTED)));
    PCollection<KV<String, Conversation>> candidates =
        routed.get(FEW_SHOT_CANDIDATES).setCoder(SchemaCoders.keyed(kept, Conversation.class));

    PCollection<KV<String, List<Conversation>>> chosen =
        candidates
            .apply("PickSmallestIds", Top.perKey(maxK(spec), new SmallerIdFirst()))
            .apply(
                "KeepTaskK",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(),
                            TypeDescriptors.lists(TypeDescriptor.of(Conversation.class))))
                    .via(
                        task -> KV.of(task.getKey(), firstK(task.getValue(), kFor(task.getKey())))))
            .setCoder(SchemaCoders.keyedLists(kept, Conversation.class));
    PCollection<KV<String, KV<String, String>>> bundles =
        chosen.apply(
            "RenderFewShotBundles",
            ParDo.of(new RenderBundleFn(spec, keptPerTask)).withSideInputs(keptPerTask));
    PCollectionView<Map<String, List<String>>> chosenIds =
        chosen
            .apply(
                "ListChosenIds",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(),
                            TypeDescriptors.lists(TypeDescriptors.strings())))
                    .via(
                        task ->
                            KV.of(
                                task.getKey(),
                                task.getValue().stream()
                                    .map(Conversation::getId)
                                    .collect(Collectors.toList()))))
            .apply("ViewChosenPerTask", View.asMap());
    PCollectionTuple marked =
        candidates.apply(
            "SeparateChosenFromRest",
            ParDo.of(new MarkChosenFn(chosenIds))
                .withSideInputs(chosenIds)
                .withOutputTags(EMITTED, TupleTagList.of(StageOutputs.FILTERED)));

    return PCollectionTuple.of(
            FILES,
            PCollectionList.of(routed.get(FILES))
                .and(bundles)
                .apply("MergeFiles", Flatten.pCollections()))
        .and(
            EMITTED,
            PCollectionList.of(routed.get(EMITTED))
                .and(marked.get(EMITTED))
                .apply("MergeEmitted", Flatten.pCollections()))
        .and(StageOutputs.FILTERED, marked.get(StageOutputs.FILTERED));
  }

  private int kFor(String task) {
    return spec.settingsFor(task).fewShotK();
  }

  private static int maxK(SiftSpec spec) {
    int k = spec.defaults().fewShotK();
    for (TaskSpec task : spec.tasks().values()) {
      if (task.fewShotK() != null) {
        k = Math.max(k, task.fewShotK());
      }
    }
    return k;
  }

  private static List<Conversation> firstK(List<Conversation> conversations, int k) {
    return conversations.stream()
        .sorted(Comparator.comparing(Conversation::getId))
        .limit(k)
        .collect(Collectors.toList());
  }

  /** For {@code Top}, which keeps the largest: a smaller id counts as larger. */
  private static final class SmallerIdFirst implements Comparator<Conversation>, Serializable {
    @Override
    public int compare(Conversation a, Conversation b) {
      return b.getId().compareTo(a.getId());
    }
  }

  private static final class RouteFn extends DoFn<Conversation, KV<String, KV<String, String>>> {
    private final SiftSpec spec;
    private final PCollectionView<Map<String, Long>> keptPerTask;

    RouteFn(SiftSpec spec, PCollectionView<Map<String, Long>> keptPerTask) {
      this.spec = spec;
      this.keptPerTask = keptPerTask;
    }

    @ProcessElement
    public void processElement(
        @Element Conversation conversation, ProcessContext context, MultiOutputReceiver out) {
      String task = conversation.getTask();
      TaskDecision decision = TaskDecision.of(task, context.sideInput(keptPerTask).get(task), spec);
      if (decision.kind() != TaskDecision.Kind.FINE_TUNE) {
        out.get(FEW_SHOT_CANDIDATES).output(KV.of(task, conversation));
        return;
      }
      String split = Split.of(conversation.getId(), decision.settings().validationFraction());
      var line = Json.object();
      line.set("messages", Json.messages(conversation.getMessages(), false));
      Accounting.emitted(split);
      out.get(EMITTED).output(KV.of(task, split));
      out.get(FILES)
          .output(
              KV.of(
                  OutputLayout.taskFile(task, split + ".jsonl"),
                  KV.of(conversation.getId(), Json.compact(line))));
    }
  }

  private static final class RenderBundleFn
      extends DoFn<KV<String, List<Conversation>>, KV<String, KV<String, String>>> {
    private final SiftSpec spec;
    private final PCollectionView<Map<String, Long>> keptPerTask;

    RenderBundleFn(SiftSpec spec, PCollectionView<Map<String, Long>> keptPerTask) {
      this.spec = spec;
      this.keptPerTask = keptPerTask;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, List<Conversation>> chosen,
        ProcessContext context,
        OutputReceiver<KV<String, KV<String, String>>> out) {
      String task = chosen.getKey();
      long available = context.sideInput(keptPerTask).get(task);
      TaskDecision decision = TaskDecision.of(task, available, spec);
      var bundle = Json.object();
      bundle.put("task", task);
      bundle.put("decision", decision.kind().label());
      bundle.put("why", decision.why());
      bundle.put("k", decision.settings().fewShotK());
      bundle.put("available", available);
      bundle.put(
          "selection",
          "the k conversations with the smallest ids (content hashes): a deterministic sample");
      var examples = bundle.putArray("examples");
      for (Conversation conversation : chosen.getValue()) {
        var example = examples.addObject();
        example.put("id", conversation.getId());
        example.set("source", Json.source(conversation.getSource()));
        example.set("messages", Json.messages(conversation.getMessages(), true));
        example.set("metadata", Json.stringMap(conversation.getMetadata()));
      }
      out.output(
          KV.of(
              OutputLayout.taskFile(task, OutputLayout.FEW_SHOT), KV.of("", Json.pretty(bundle))));
    }
  }

  private static final class MarkChosenFn
      extends DoFn<KV<String, Conversation>, KV<String, String>> {
    private final PCollectionView<Map<String, List<String>>> chosenIds;

    MarkChosenFn(PCollectionView<Map<String, List<String>>> chosenIds) {
      this.chosenIds = chosenIds;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, Conversation> candidate,
        ProcessContext context,
        MultiOutputReceiver out) {
      String task = candidate.getKey();
      List<String> chosen = context.sideInput(chosenIds).getOrDefault(task, List.of());
      Conversation conversation = candidate.getValue();
      if (chosen.contains(conversation.getId())) {
        Accounting.emitted(FEW_SHOT);
        out.get(EMITTED).output(KV.of(task, FEW_SHOT));
      } else {
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
  }
}
