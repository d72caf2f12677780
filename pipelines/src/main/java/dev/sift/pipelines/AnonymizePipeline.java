package dev.sift.pipelines;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.SpecLoader;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.anonymize.AnonymizeConversations;
import dev.sift.transforms.anonymize.ScrubDeadLetters;
import dev.sift.transforms.ingest.InputFormat;
import dev.sift.transforms.ingest.ReadConversations;
import dev.sift.transforms.normalize.NormalizeConversations;
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
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * Runs the anonymise stage alone on any input: reads every format, normalises, replaces personal
 * data and secrets, and writes the conversations in the canonical schema, one JSON line each, per
 * task, with the scrubbed dead letters.
 */
public final class AnonymizePipeline {
  /** What {@link #buildPipeline} makes, for tests to assert on. */
  public record Outputs(
      PCollection<Conversation> anonymized,
      PCollection<DeadLetter> deadLetters,
      PCollection<String> written) {}

  private AnonymizePipeline() {}

  public static void main(String[] args) throws IOException {
    PipelineOptionsFactory.register(AnonymizeOptions.class);
    run(PipelineOptionsFactory.fromArgs(args).withValidation().as(AnonymizeOptions.class));
  }

  public static PipelineResult run(AnonymizeOptions options) throws IOException {
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
            "anonymize",
            options.getInput(),
            options.getSpec(),
            format.code());
    printReplaced(result, options.getOutput(), System.out);
    return result;
  }

  public static Outputs buildPipeline(
      Pipeline pipeline, List<String> inputs, String output, SiftSpec spec, InputFormat format) {
    PCollectionTuple read =
        pipeline.apply("ReadConversations", ReadConversations.from(inputs, spec, format));
    PCollection<Conversation> anonymized =
        read.get(StageOutputs.CONVERSATIONS)
            .apply("NormalizeConversations", NormalizeConversations.create())
            .apply("AnonymizeConversations", AnonymizeConversations.withSpec(spec.anonymize()))
            .get(StageOutputs.CONVERSATIONS);
    PCollection<DeadLetter> deadLetters =
        read.get(StageOutputs.DEAD_LETTERS)
            .apply("ScrubDeadLetters", ScrubDeadLetters.withSpec(spec.anonymize()));

    PCollection<String> written =
        PCollectionList.of(
                anonymized.apply(
                    "RenderConversations", RenderRecords.conversations(OutputLayout.ANONYMIZED)))
            .and(deadLetters.apply("RenderDeadLetters", RenderRecords.deadLetters()))
            .apply("MergeOutputFiles", Flatten.pCollections())
            .apply("WriteOutputs", WriteSortedFiles.to(output));
    return new Outputs(anonymized, deadLetters, written);
  }

  /** The counts of replaced values by type, from the run's metrics. */
  private static void printReplaced(PipelineResult result, String output, PrintStream out) {
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
    Map<String, Long> replaced = new TreeMap<>();
    for (MetricResult<Long> counter : metrics.getCounters()) {
      String name = counter.getName().getName();
      if (counter.getName().getNamespace().equals("sift") && name.startsWith("anonymized.")) {
        replaced.merge(name.substring("anonymized.".length()), counter.getAttempted(), Long::sum);
      }
    }
    out.println("Sift anonymize: values replaced by type " + replaced);
    out.println("Output: " + output + "/" + OutputLayout.ANONYMIZED);
  }
}
