package dev.sift.transforms.report;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.dedup.ClusterSummary;
import dev.sift.transforms.quality.TaskQuality;
import dev.sift.transforms.write.OutputLayout;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Computes the quality report as data, from the run's own collections rather than from metrics
 * (which runners support unevenly), and renders it as a file entry for {@code WriteSortedFiles}.
 * Its input is a tuple of the tags below.
 */
public final class BuildQualityReport
    extends PTransform<PCollectionTuple, PCollection<KV<String, KV<String, String>>>> {
  /** Conversations as ingest produced them. */
  public static final TupleTag<Conversation> READ = new TupleTag<>() {};

  /** Ingest's dead letters: records read that never became conversations. */
  public static final TupleTag<DeadLetter> UNPARSED = new TupleTag<>() {};

  /** Every dead letter of every stage, ingest's included. */
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  public static final TupleTag<Filtered> FILTERED = new TupleTag<>() {};

  /** Conversations that reached the emit stage. */
  public static final TupleTag<Conversation> KEPT = new TupleTag<>() {};

  /** {@code (task, output)} per emitted conversation. */
  public static final TupleTag<KV<String, String>> EMITTED = new TupleTag<>() {};

  /** {@code ((task, entity type), count)}: values the anonymiser replaced. */
  public static final TupleTag<KV<KV<String, String>, Long>> ENTITIES = new TupleTag<>() {};

  /** Duplicate clusters of two or more, from {@code DeduplicateConversations}. */
  public static final TupleTag<ClusterSummary> CLUSTERS = new TupleTag<>() {};

  /** Nodes of the duplicate graph whose component had not converged. */
  public static final TupleTag<String> UNSETTLED = new TupleTag<>() {};

  /** {@code (task, quality)} from {@code ScoreQuality}: the five criteria's measurements. */
  public static final TupleTag<KV<String, TaskQuality>> QUALITY = new TupleTag<>() {};

  /** {@code (task, JSON)} from {@code EmitTaskOutputs}: decision, split, tokens and bundle. */
  public static final TupleTag<KV<String, String>> TASK_OUTPUTS = new TupleTag<>() {};

  /** How many of the largest clusters the report shows. */
  public static final int LARGEST_CLUSTERS = 10;

  private final SiftSpec spec;

  private BuildQualityReport(SiftSpec spec) {
    this.spec = spec;
  }

  public static BuildQualityReport withSpec(SiftSpec spec) {
    return new BuildQualityReport(spec);
  }

  @Override
  public PCollection<KV<String, KV<String, String>>> expand(PCollectionTuple run) {
    SiftSpec spec = this.spec;
    PCollectionView<List<ClusterSummary>> largest =
        run.get(CLUSTERS)
            .apply("PickLargestClusters", Top.of(LARGEST_CLUSTERS, new LargerCluster()))
            .apply("ViewLargestClusters", View.asSingleton());
    PCollectionView<Map<String, TaskQuality>> quality =
        run.get(QUALITY).apply("ViewTaskQuality", View.asMap());
    PCollectionView<Map<String, String>> outputs =
        run.get(TASK_OUTPUTS).apply("ViewTaskOutputs", View.asMap());
    PCollection<KV<String, Long>> recordCounts =
        PCollectionList.of(
                tally(
                    run.get(READ),
                    "TallyRead",
                    c -> Tally.key(Tally.Kind.READ, c.getTask(), c.getSource().getFormat())))
            .and(
                tally(
                    run.get(UNPARSED),
                    "TallyUnparsed",
                    d -> Tally.key(Tally.Kind.READ, "", d.getSource().getFormat())))
            .and(
                tally(
                    run.get(DEAD_LETTERS),
                    "TallyDeadLetters",
                    d -> Tally.key(Tally.Kind.DEAD_LETTER, d.getTask(), d.getReason())))
            .and(
                tally(
                    run.get(FILTERED),
                    "TallyFiltered",
                    f -> Tally.key(Tally.Kind.FILTERED, f.getTask(), f.getReason())))
            .and(
                tally(run.get(KEPT), "TallyKept", c -> Tally.key(Tally.Kind.KEPT, c.getTask(), "")))
            .and(
                tally(
                    run.get(EMITTED),
                    "TallyEmitted",
                    e -> Tally.key(Tally.Kind.EMITTED, e.getKey(), e.getValue())))
            .and(
                tally(
                    run.get(CLUSTERS),
                    "TallyClusters",
                    c -> Tally.key(Tally.Kind.CLUSTER, c.getTask(), Long.toString(c.getSize()))))
            .and(
                tally(
                    run.get(UNSETTLED),
                    "TallyUnsettled",
                    n -> Tally.key(Tally.Kind.UNSETTLED, "", "")))
            .apply("MergeTallies", Flatten.pCollections())
            .apply("CountTallies", Count.perElement());
    PCollection<KV<String, Long>> entityCounts =
        run.get(ENTITIES)
            .apply(
                "TallyEntities",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                    .via(
                        found ->
                            KV.of(
                                Tally.key(
                                    Tally.Kind.ENTITY,
                                    found.getKey().getKey(),
                                    found.getKey().getValue()),
                                found.getValue())));
    return PCollectionList.of(recordCounts)
        .and(entityCounts)
        .apply("MergeCounts", Flatten.pCollections())
        .apply("CollectCounts", Combine.globally(new CollectCountsFn()))
        .apply(
            "RenderReport",
            ParDo.of(new RenderFn(spec, largest, quality, outputs))
                .withSideInputs(largest, quality, outputs));
  }

  /** The largest clusters first; among equal sizes, the smaller representative id first. */
  static final class LargerCluster implements Comparator<ClusterSummary>, Serializable {
    @Override
    public int compare(ClusterSummary a, ClusterSummary b) {
      int bySize = Long.compare(a.getSize(), b.getSize());
      return bySize != 0 ? bySize : b.getRepresentative().compareTo(a.getRepresentative());
    }
  }

  private static final class RenderFn
      extends DoFn<Map<String, Long>, KV<String, KV<String, String>>> {
    private final SiftSpec spec;
    private final PCollectionView<List<ClusterSummary>> largest;
    private final PCollectionView<Map<String, TaskQuality>> quality;
    private final PCollectionView<Map<String, String>> outputs;

    RenderFn(
        SiftSpec spec,
        PCollectionView<List<ClusterSummary>> largest,
        PCollectionView<Map<String, TaskQuality>> quality,
        PCollectionView<Map<String, String>> outputs) {
      this.spec = spec;
      this.largest = largest;
      this.quality = quality;
      this.outputs = outputs;
    }

    @ProcessElement
    public void processElement(
        @Element Map<String, Long> counts,
        ProcessContext context,
        OutputReceiver<KV<String, KV<String, String>>> out) {
      String report =
          QualityReport.render(
              counts,
              context.sideInput(largest),
              context.sideInput(quality),
              context.sideInput(outputs),
              spec);
      out.output(KV.of(OutputLayout.REPORT, KV.of("", report)));
    }
  }

  private static <T> PCollection<String> tally(
      PCollection<T> input, String name, SerializableFunction<T, String> key) {
    return input.apply(name, MapElements.into(TypeDescriptors.strings()).via(key));
  }

  /** All tally counts in one sorted map: a few keys per task and reason, so small. */
  private static final class CollectCountsFn
      extends Combine.CombineFn<KV<String, Long>, Map<String, Long>, Map<String, Long>> {
    @Override
    public Map<String, Long> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public Map<String, Long> addInput(Map<String, Long> counts, KV<String, Long> count) {
      counts.merge(count.getKey(), count.getValue(), Long::sum);
      return counts;
    }

    @Override
    public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> accumulators) {
      Map<String, Long> merged = new TreeMap<>();
      accumulators.forEach(counts -> counts.forEach((key, n) -> merged.merge(key, n, Long::sum)));
      return merged;
    }

    @Override
    public Map<String, Long> extractOutput(Map<String, Long> counts) {
      return new TreeMap<>(counts);
    }
  }
}
