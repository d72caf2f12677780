package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.transforms.Buckets;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/** {@link ShuffleOptions}: few buckets on the Direct Runner, many elsewhere, unless set. */
class ShuffleOptionsTest {
  @Test
  void theDefaultDependsOnTheRunnerAndTheOptionWins() {
    assertEquals(
        Buckets.forDirectRunner(Runtime.getRuntime().availableProcessors()),
        buckets("--runner=DirectRunner"));
    assertEquals(
        Buckets.FOR_CLUSTERS, buckets("--runner=org.apache.beam.sdk.testing.CrashingRunner"));
    assertEquals(3, buckets("--runner=DirectRunner", "--shuffleBuckets=3"));
  }

  @Test
  void theDirectRunnerGetsTwoBucketsPerCore() {
    assertEquals(2, Buckets.forDirectRunner(1));
    assertEquals(4, Buckets.forDirectRunner(2));
    assertEquals(32, Buckets.forDirectRunner(16));
    assertEquals(2, Buckets.forDirectRunner(0));
  }

  private static int buckets(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(ShuffleOptions.class).getShuffleBuckets();
  }
}
