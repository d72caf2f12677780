package dev.sift.pipelines;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of {@link CuratePipeline}, besides Beam's own ({@code --runner}, ...). */
public interface CurateOptions extends PipelineOptions, OverwriteOptions, ShuffleOptions {

  @Description(
      "Input files: a path or glob on any Beam filesystem; repeat the option or separate with commas"
          + " for several. Gzip is read transparently.")
  @Validation.Required
  List<String> getInput();

  void setInput(List<String> value);

  @Description(
      "Output directory: tasks/, dead-letter/, filtered/, report/ and a _SUCCESS marker. The run"
          + " writes into a folder beside it and puts it in place only when it succeeds.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "Spec file (JSON or YAML): task field, per-task thresholds, ingest settings. Without it,"
          + " the defaults apply.")
  String getSpec();

  void setSpec(String value);

  @Description(
      "Input format: auto (detected per file from its name and content, and per JSON record), openai,"
          + " sharegpt, transcript or csv.")
  @Default.String("auto")
  String getFormat();

  void setFormat(String value);

  @Description(
      "Sentence-embedding scoring of relevance, topic clusters and representativeness: auto (per"
          + " task, for tasks of at most quality.semanticMaxConversations conversations), on (every"
          + " task; a bare --semantic means on) or off (TF-IDF only). Default: the spec's"
          + " quality.semantic, itself auto.")
  String getSemantic();

  void setSemantic(String value);
}
