package dev.sift.pipelines;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.SpecLoader;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.accounting.Accounting;
import dev.sift.transforms.anonymize.AnonymizeConversations;
import dev.sift.transforms.anonymize.ScrubDeadLetters;
import dev.sift.transforms.dedup.DeduplicateConversations;
import dev.sift.transforms.ingest.InputFormat;
import dev.sift.transforms.ingest.ReadConversations;
import dev.sift.transforms.normalize.NormalizeConversations;
import dev.sift.transforms.validate.ValidateConversations;
import dev.sift.transforms.write.OutputLayout;
import dev.sift.transforms.write.RenderRecords;
import dev.sift.transforms.write.SafeOutput;
import dev.sift.transforms.write.WriteSortedFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * Runs the dedup stage alone on any input: reads every format, normalises, validates and anonymises
 * (dedup compares anonymised text, as in {@link CuratePipeline}), removes exact and near
 * duplicates, and writes the kept conversations per task in the canonical schema, the duplicates as
 * filtered records naming the conversation kept, and the dead letters.
 */
public final class DedupPipeline {

  /** What {@link #buildPipeline} makes, for tests to assert on. */
  public record Outputs(
      PCollection<Conversation> kept,
      PCollection<Filtered> duplicates,
      PCollection<DeadLetter> deadLetters,
      PCollection<String> written) {}

  private DedupPipeline() {}

  public static void main(String[] args) throws IOException {
    PipelineOptionsFactory.register(DedupOptions.class);
    run(PipelineOptionsFactory.fromArgs(args).withValidation().as(DedupOptions.class));
  }

  public static PipelineResult run(DedupOptions options) throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    SiftSpec spec =
        options.getSpec() == null ? SiftSpec.standard() : SpecLoader.load(options.getSpec());
    InputFormat format = InputFormat.fromCode(options.getFormat());
    ReadConversations.requireReadable(options.getInput());
    SafeOutput output = SafeOutput.prepare(options.getOutput(), options.getOverwrite());

    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options.getInput(), output.staging(), spec, format);
    PipelineResult result =
        SafeRun.run(
            pipeline,
            options,
            output,
            "dedup",
            options.getInput(),
            options.getSpec(),
            format.code());
    printFiltered(result, options.getOutput(), System.out);
    return result;
  }

  public static Outputs buildPipeline(
      Pipeline pipeline, List<String> inputs, String output, SiftSpec spec, InputFormat format) {
    PCollectionTuple read =
        pipeline.apply("ReadConversations", ReadConversations.from(inputs, spec, format));
    PCollectionTuple valid =
        read.get(StageOutputs.CONVERSATIONS)
            .apply("NormalizeConversations", NormalizeConversations.create())
            .apply(
                "ValidateConversations",
                ValidateConversations.withRawLimit(spec.ingest().deadLetterRawChars()));
    PCollectionTuple unique =
        valid
            .get(StageOutputs.CONVERSATIONS)
            .apply("AnonymizeConversations", AnonymizeConversations.withSpec(spec.anonymize()))
            .get(StageOutputs.CONVERSATIONS)
            .apply(
                "DeduplicateConversations",
                DeduplicateConversations.withSpec(spec.dedup())
                    .inBuckets(ShuffleOptions.bucketsOf(pipeline)));
    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(read.get(StageOutputs.DEAD_LETTERS))
            .and(valid.get(StageOutputs.DEAD_LETTERS))
            .apply("MergeDeadLetters", Flatten.pCollections())
            .apply("ScrubDeadLetters", ScrubDeadLetters.withSpec(spec.anonymize()));

    PCollection<Conversation> kept = unique.get(StageOutputs.CONVERSATIONS);
    PCollection<Filtered> duplicates = unique.get(StageOutputs.FILTERED);
    PCollection<String> written =
        PCollectionList.of(
                kept.apply(
                    "RenderConversations", RenderRecords.conversations(OutputLayout.DEDUPLICATED)))
            .and(duplicates.apply("RenderFiltered", RenderRecords.filtered()))
            .and(deadLetters.apply("RenderDeadLetters", RenderRecords.deadLetters()))
            .apply("MergeOutputFiles", Flatten.pCollections())
            .apply("WriteOutputs", WriteSortedFiles.to(output));
    return new Outputs(kept, duplicates, deadLetters, written);
  }

  /** The duplicates filtered, by reason, from the run's metrics. */
  private static void printFiltered(PipelineResult result, String output, PrintStream out) {
    Map<String, Long> filtered = new TreeMap<>();
    for (MetricResult<Long> counter :
        result.metrics().queryMetrics(MetricsFilter.builder().build()).getCounters()) {
      String name = counter.getName().getName();
      if (counter.getName().getNamespace().equals(Accounting.NAMESPACE)
          && name.startsWith(Accounting.FILTERED_PREFIX)) {
        filtered.merge(
            name.substring(Accounting.FILTERED_PREFIX.length()), counter.getAttempted(), Long::sum);
      }
    }
    out.println("Sift dedup: duplicates filtered by reason " + filtered);
    out.println("Output: " + output + "/" + OutputLayout.DEDUPLICATED);
  }
}
