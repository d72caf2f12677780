package dev.sift.pipelines;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.spec.QualitySpec;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.SpecLoader;
import dev.sift.transforms.Buckets;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.anonymize.AnonymizeConversations;
import dev.sift.transforms.anonymize.ScrubDeadLetters;
import dev.sift.transforms.dedup.DeduplicateConversations;
import dev.sift.transforms.emit.EmitTaskOutputs;
import dev.sift.transforms.ingest.InputFormat;
import dev.sift.transforms.ingest.ReadConversations;
import dev.sift.transforms.normalize.NormalizeConversations;
import dev.sift.transforms.quality.ScoreQuality;
import dev.sift.transforms.report.BuildQualityReport;
import dev.sift.transforms.report.RenderReportPage;
import dev.sift.transforms.validate.ValidateConversations;
import dev.sift.transforms.write.RenderRecords;
import dev.sift.transforms.write.SafeOutput;
import dev.sift.transforms.write.WriteSortedFiles;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * Curates chat logs end to end: read every format into canonical conversations, normalise,
 * validate, replace personal data and secrets, drop exact and near duplicates, score quality and
 * filter below the spec's minimums, decide per task between fine-tuning files and a few-shot
 * bundle, and write them with the dead letters, the filtered records and the quality report.
 */
public final class CuratePipeline {

  /** What {@link #buildPipeline} makes, for tests to assert on. */
  public record Outputs(
      PCollection<Conversation> kept,
      PCollection<DeadLetter> deadLetters,
      PCollection<Filtered> filtered,
      PCollection<KV<String, KV<String, String>>> files,
      PCollection<String> written) {}

  private CuratePipeline() {}

  public static void main(String[] args) throws IOException {
    PipelineOptionsFactory.register(CurateOptions.class);
    run(PipelineOptionsFactory.fromArgs(args).withValidation().as(CurateOptions.class));
  }

  public static PipelineResult run(CurateOptions options) throws IOException {
    return run(options, written -> written);
  }

  /**
   * {@link #run(CurateOptions)} with {@code afterWrite} applied to the names of the files written:
   * the seam through which tests make a run fail part-way.
   */
  static PipelineResult run(CurateOptions options, UnaryOperator<PCollection<String>> afterWrite)
      throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    SiftSpec spec =
        withSemantic(
            options.getSpec() == null ? SiftSpec.standard() : SpecLoader.load(options.getSpec()),
            options.getSemantic());
    InputFormat format = InputFormat.fromCode(options.getFormat());
    ReadConversations.requireReadable(options.getInput());
    SafeOutput output = SafeOutput.prepare(options.getOutput(), options.getOverwrite());

    Pipeline pipeline = Pipeline.create(options);
    buildPipeline(pipeline, options.getInput(), output.staging(), spec, format, afterWrite);
    PipelineResult result =
        SafeRun.run(
            pipeline,
            options,
            output,
            "curate",
            options.getInput(),
            options.getSpec(),
            format.code());
    RunSummary.print(options.getOutput(), System.out);
    return result;
  }

  /**
   * {@code spec} with {@code --semantic} in place of its {@code quality.semantic}, if given; a bare
   * {@code --semantic}, which Beam reads as {@code true}, means {@code on}.
   */
  static SiftSpec withSemantic(SiftSpec spec, String option) {
    if (option == null) {
      return spec;
    }
    String semantic =
        switch (option) {
          case "true" -> "on";
          case "false" -> "off";
          default -> option;
        };
    if (!QualitySpec.SEMANTIC_MODES.contains(semantic)) {
      throw new IllegalArgumentException(
          "--semantic must be one of "
              + String.join(", ", QualitySpec.SEMANTIC_MODES)
              + ", got "
              + option);
    }
    return spec.withQuality(spec.quality().withSemantic(semantic));
  }

  public static Outputs buildPipeline(
      Pipeline pipeline, List<String> inputs, String output, SiftSpec spec, InputFormat format) {
    return buildPipeline(pipeline, inputs, output, spec, format, written -> written);
  }

  private static Outputs buildPipeline(
      Pipeline pipeline,
      List<String> inputs,
      String output,
      SiftSpec spec,
      InputFormat format,
      UnaryOperator<PCollection<String>> afterWrite) {
    Buckets buckets = ShuffleOptions.bucketsOf(pipeline);
    PCollectionTuple read =
        pipeline.apply("ReadConversations", ReadConversations.from(inputs, spec, format));
    PCollectionTuple valid =
        read.get(StageOutputs.CONVERSATIONS)
            .apply("NormalizeConversations", NormalizeConversations.create())
            .apply(
                "ValidateConversations",
                ValidateConversations.withRawLimit(spec.ingest().deadLetterRawChars()));
    PCollectionTuple anonymized =
        valid
            .get(StageOutputs.CONVERSATIONS)
            .apply("AnonymizeConversations", AnonymizeConversations.withSpec(spec.anonymize()));
    PCollectionTuple unique =
        anonymized
            .get(StageOutputs.CONVERSATIONS)
            .apply(
                "DeduplicateConversations",
                DeduplicateConversations.withSpec(spec.dedup()).inBuckets(buckets));
    PCollectionTuple scored =
        unique
            .get(StageOutputs.CONVERSATIONS)
            .apply("ScoreQuality", ScoreQuality.withSpec(spec).inBuckets(buckets));
    PCollection<Conversation> kept = scored.get(StageOutputs.CONVERSATIONS);
    PCollectionTuple emitted =
        PCollectionTuple.of(EmitTaskOutputs.SCORED, scored.get(ScoreQuality.SCORED))
            .and(EmitTaskOutputs.QUALITY, scored.get(ScoreQuality.TASKS))
            .and(EmitTaskOutputs.DEDUPLICATED, unique.get(StageOutputs.FILTERED))
            .apply("EmitTaskOutputs", EmitTaskOutputs.withSpec(spec).inBuckets(buckets));

    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(read.get(StageOutputs.DEAD_LETTERS))
            .and(valid.get(StageOutputs.DEAD_LETTERS))
            .apply("MergeDeadLetters", Flatten.pCollections())
            .apply("ScrubDeadLetters", ScrubDeadLetters.withSpec(spec.anonymize()));
    PCollection<Filtered> filtered =
        PCollectionList.of(unique.get(StageOutputs.FILTERED))
            .and(scored.get(StageOutputs.FILTERED))
            .and(emitted.get(StageOutputs.FILTERED))
            .apply("MergeFiltered", Flatten.pCollections());
    PCollection<KV<String, KV<String, String>>> report =
        PCollectionTuple.of(BuildQualityReport.READ, read.get(StageOutputs.CONVERSATIONS))
            .and(BuildQualityReport.UNPARSED, read.get(StageOutputs.DEAD_LETTERS))
            .and(BuildQualityReport.DEAD_LETTERS, deadLetters)
            .and(BuildQualityReport.FILTERED, filtered)
            .and(BuildQualityReport.KEPT, kept)
            .and(BuildQualityReport.EMITTED, emitted.get(EmitTaskOutputs.EMITTED))
            .and(BuildQualityReport.ENTITIES, anonymized.get(AnonymizeConversations.ENTITIES))
            .and(BuildQualityReport.CLUSTERS, unique.get(DeduplicateConversations.CLUSTERS))
            .and(BuildQualityReport.UNSETTLED, unique.get(DeduplicateConversations.UNSETTLED))
            .and(BuildQualityReport.QUALITY, scored.get(ScoreQuality.TASKS))
            .and(BuildQualityReport.TASK_OUTPUTS, emitted.get(EmitTaskOutputs.TASK_OUTPUTS))
            .apply("BuildQualityReport", BuildQualityReport.withSpec(spec));

    PCollection<KV<String, KV<String, String>>> files =
        PCollectionList.of(emitted.get(EmitTaskOutputs.FILES))
            .and(deadLetters.apply("RenderDeadLetters", RenderRecords.deadLetters()))
            .and(filtered.apply("RenderFiltered", RenderRecords.filtered()))
            .and(report)
            .and(report.apply("RenderReportPage", RenderReportPage.fromReport()))
            .apply("MergeOutputFiles", Flatten.pCollections());
    PCollection<String> written =
        afterWrite.apply(files.apply("WriteOutputs", WriteSortedFiles.to(output)));
    return new Outputs(kept, deadLetters, filtered, files, written);
  }
}
