package dev.sift.pipelines;

import dev.sift.transforms.write.SafeOutput;
import dev.sift.transforms.write.SuccessMarker;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Runs a pipeline that writes into a {@link SafeOutput}'s staging folder: on success the output is
 * put in place with its marker; on any failure the staging folder is deleted and {@code --output}
 * is left as it was.
 */
final class SafeRun {
  private SafeRun() {}

  /**
   * Runs {@code pipeline} to its end, with {@link RunProgress}'s progress line and every output of
   * its multi-output steps read ({@link UnreadOutputs}), and commits {@code output}; the marker
   * describes a run of {@code name} over {@code inputs} with {@code spec} (null for none) and
   * {@code format}.
   */
  static PipelineResult run(
      Pipeline pipeline,
      PipelineOptions options,
      SafeOutput output,
      String name,
      List<String> inputs,
      String spec,
      String format)
      throws IOException {
    UnreadOutputs.drop(pipeline);
    PipelineResult result;
    try {
      result = RunProgress.run(pipeline, options, System.err);
      PipelineResult.State state = result.getState();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException(
            "the run ended " + state + "; --output=" + output.output() + " was left as it was");
      }
    } catch (RuntimeException | Error e) {
      try {
        output.abort();
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    output.commit(SuccessMarker.of(name, inputs, spec, format, output.staging()));
    return result;
  }
}
