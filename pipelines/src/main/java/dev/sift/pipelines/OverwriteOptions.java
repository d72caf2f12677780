package dev.sift.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Whether a run may replace an existing output folder; mixed into each pipeline's options. */
public interface OverwriteOptions extends PipelineOptions {

  @Description(
      "Replace an existing output folder once the run has succeeded. Without it, a run refuses an"
          + " output folder that holds files; a folder holding files a run does not write is always"
          + " refused.")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);
}
