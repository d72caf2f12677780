package dev.sift.transforms.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.TaskSpec;
import dev.sift.transforms.SerializedCoder;
import dev.sift.transforms.quality.Criteria;
import dev.sift.transforms.quality.TaskQuality;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * One {@link TaskDecision} per scored task, from its kept count and the verdicts of its five
 * criteria, rendered exactly as the report's quality section renders them (the dedup stage's
 * filtered conversations give the near-duplicate rate of the diversity criterion).
 */
final class DecideTasks
    extends PTransform<PCollectionTuple, PCollection<KV<String, TaskDecision>>> {
  static final TupleTag<KV<String, TaskQuality>> QUALITY = new TupleTag<>() {};
  static final TupleTag<Filtered> DEDUPLICATED = new TupleTag<>() {};

  private final SiftSpec spec;

  DecideTasks(SiftSpec spec) {
    this.spec = spec;
  }

  @Override
  public PCollection<KV<String, TaskDecision>> expand(PCollectionTuple input) {
    PCollectionView<Map<String, Long>> duplicates =
        input
            .get(DEDUPLICATED)
            .apply(
                "TakeTaskOfDuplicates",
                MapElements.into(TypeDescriptors.strings()).via(Filtered::getTask))
            .apply("CountDuplicatesPerTask", Count.perElement())
            .apply("ViewDuplicatesPerTask", View.asMap());
    return input
        .get(QUALITY)
        .apply("JudgeCriteria", ParDo.of(new DecideFn(spec, duplicates)).withSideInputs(duplicates))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializedCoder.forType(TaskDecision.class)));
  }

  private static final class DecideFn
      extends DoFn<KV<String, TaskQuality>, KV<String, TaskDecision>> {
    private final SiftSpec spec;
    private final PCollectionView<Map<String, Long>> duplicates;

    DecideFn(SiftSpec spec, PCollectionView<Map<String, Long>> duplicates) {
      this.spec = spec;
      this.duplicates = duplicates;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, TaskQuality> task,
        ProcessContext context,
        OutputReceiver<KV<String, TaskDecision>> out) {
      String name = task.getKey();
      ObjectNode section =
          Criteria.render(
              name,
              task.getValue(),
              context.sideInput(duplicates).getOrDefault(name, 0L),
              spec.quality(),
              described(name));
      CriteriaVerdicts verdicts = CriteriaVerdicts.of(section, spec.emit().blockingCriteria());
      long kept = section.path("conversations").path("kept").asLong();
      out.output(
          KV.of(
              name,
              TaskDecision.of(
                  name, kept, spec.settingsFor(name), verdicts.failing(), verdicts.warning())));
    }

    /** As the report's quality section decides it: relevance is measured against a profile. */
    private boolean described(String task) {
      TaskSpec own = spec.tasks().get(task);
      return own != null && !own.profileText().isBlank();
    }
  }
}
