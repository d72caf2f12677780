package dev.sift.transforms.report;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.write.OutputLayout;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
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
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.strings(),
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())))
                .via(
                    counts ->
                        KV.of(OutputLayout.REPORT, KV.of("", QualityReport.render(counts, spec)))));
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
