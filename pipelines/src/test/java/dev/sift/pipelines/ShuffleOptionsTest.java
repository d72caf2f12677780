package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.transforms.Buckets;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/** {@link ShuffleOptions}: few buckets on the Direct Runner, many elsewhere, unless set. */
class ShuffleOptionsTest {
  @Test
  void theDefaultDependsOnTheRunnerAndTheOptionWins() {
    assertEquals(Buckets.FOR_DIRECT_RUNNER, buckets("--runner=DirectRunner"));
    assertEquals(
        Buckets.FOR_CLUSTERS, buckets("--runner=org.apache.beam.sdk.testing.CrashingRunner"));
    assertEquals(3, buckets("--runner=DirectRunner", "--shuffleBuckets=3"));
  }

  private static int buckets(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(ShuffleOptions.class).getShuffleBuckets();
  }
}
