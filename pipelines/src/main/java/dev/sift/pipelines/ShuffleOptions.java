package dev.sift.pipelines;

import dev.sift.transforms.Buckets;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How many hash buckets the dedup, conflict and split-leak exchanges use: see {@link Buckets}. */
public interface ShuffleOptions extends PipelineOptions {

  @Description(
      "Hash buckets of the dedup, conflict and split-leak shuffles, i.e. the parallelism of those"
          + " steps; the outputs do not depend on it. Default: two per core on the Direct Runner,"
          + " which copies a key's grouped values again for every bundle that adds to them, so that"
          + " more buckets cost it more; 256 on the others.")
  @Default.InstanceFactory(ForRunner.class)
  Integer getShuffleBuckets();

  void setShuffleBuckets(Integer value);

  /** The buckets of a pipeline's shuffles, from its options. */
  static Buckets bucketsOf(Pipeline pipeline) {
    return Buckets.of(pipeline.getOptions().as(ShuffleOptions.class).getShuffleBuckets());
  }

  /** The default for the pipeline's runner. */
  final class ForRunner implements DefaultValueFactory<Integer> {
    @Override
    public Integer create(PipelineOptions options) {
      return "DirectRunner".equals(options.getRunner().getSimpleName())
          ? Buckets.forDirectRunner(Runtime.getRuntime().availableProcessors())
          : Buckets.FOR_CLUSTERS;
    }
  }
}
