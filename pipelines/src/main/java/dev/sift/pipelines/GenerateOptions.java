package dev.sift.pipelines;

import dev.sift.transforms.generate.SupportConversationGenerator;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of {@link GenerateSamples}. */
public interface GenerateOptions extends PipelineOptions {

  @Description(
      "File to write the generated billing conversations to, as OpenAI chat JSONL, on any Beam"
          + " filesystem; a name ending in .gz is gzip-compressed.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description("Random seed; the same seed and count always give the same conversations.")
  @Default.Long(SupportConversationGenerator.DEFAULT_SEED)
  Long getSeed();

  void setSeed(Long value);

  @Description("Number of lines to write, including the conversations that are repeated verbatim.")
  @Default.Integer(SupportConversationGenerator.DEFAULT_COUNT)
  Integer getCount();

  void setCount(Integer value);
}
