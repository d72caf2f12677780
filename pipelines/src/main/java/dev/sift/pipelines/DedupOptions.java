package dev.sift.pipelines;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of {@link DedupPipeline}, besides Beam's own ({@code --runner}, ...). */
public interface DedupOptions extends PipelineOptions, OverwriteOptions, ShuffleOptions {

  @Description(
      "Input files: a path or glob on any Beam filesystem; repeat the option or separate with commas"
          + " for several. Gzip is read transparently.")
  @Validation.Required
  List<String> getInput();

  void setInput(List<String> value);

  @Description(
      "Output directory. The run writes deduplicated/<task>/conversations.jsonl,"
          + " filtered/filtered.jsonl (the duplicates, each naming the conversation kept) and"
          + " dead-letter/dead-letters.jsonl under it, replacing what an earlier run left there.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "Spec file (JSON or YAML); its dedup section chooses scope, key, threshold, shingles, masks and"
          + " verification, its anonymize section the anonymisation that runs first. Without it,"
          + " the defaults apply.")
  String getSpec();

  void setSpec(String value);

  @Description(
      "Input format: auto (detected per file from its name and content, and per JSON record), openai,"
          + " sharegpt, transcript or csv.")
  @Default.String("auto")
  String getFormat();

  void setFormat(String value);
}
