package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.OutputFiles;
import dev.sift.transforms.write.SafeOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Direct Runner run of curate over the samples that fails part-way, through a step spliced in
 * after the writes that throws once some files are written: the staging folder then holds part of
 * the new output, and {@code --output} is left byte for byte as it was, the staging folder gone.
 */
class FailedRunIT {
  private static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();
  private static final int FILES_BEFORE_FAILING = 3;

  /** Files each failing run's staging folder held when it failed, by run. */
  private static final Map<String, Integer> STAGED = new ConcurrentHashMap<>();

  /** Counted down when a run's injected failure is thrown, and when its late write is made. */
  private static final Map<String, CountDownLatch> FAILED = new ConcurrentHashMap<>();

  private static final Map<String, CountDownLatch> LATE_WRITTEN = new ConcurrentHashMap<>();

  @Test
  void aRunThatFailsPartWayLeavesThePreviousOutputUnchanged(@TempDir Path root) throws IOException {
    Path out = root.resolve("out");
    CuratePipeline.run(options(out, false));
    Map<Path, byte[]> before = OutputFiles.read(out);
    assertTrue(before.containsKey(Path.of(SafeOutput.SUCCESS)), before.keySet().toString());

    RuntimeException failure =
        assertThrows(
            RuntimeException.class,
            () -> CuratePipeline.run(options(out, true), failAfter("replace", out)));
    assertTrue(rootMessage(failure).contains("injected failure"), rootMessage(failure));

    assertTrue(STAGED.get("replace") > 0, "the failing run had written part of its output");
    Map<Path, byte[]> after = OutputFiles.read(out);
    assertEquals(before.keySet(), after.keySet(), "the same files");
    before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file.toString()));
    assertEquals(List.of(out), entries(root), "no staging folder is left beside --output");
  }

  @Test
  void aFirstRunThatFailsPartWayLeavesNoOutput(@TempDir Path root) throws IOException {
    Path out = root.resolve("out");
    assertThrows(
        RuntimeException.class,
        () -> CuratePipeline.run(options(out, false), failAfter("first", out)));
    assertTrue(STAGED.get("first") > 0, "the failing run had written part of its output");
    assertFalse(Files.exists(out), "no output that could pass for a complete one");
    assertEquals(List.of(), entries(root));
  }

  /**
   * A write still under way when the run fails, which ends after {@link SafeOutput}'s own wait for
   * late writes: the run is only reported failed once it has ended, and the staging folder is
   * deleted after it, so the late file does not bring it back.
   */
  @Test
  void aWriteStillUnderWayWhenTheRunFailsEndsBeforeTheStagingFolderIsDeleted(@TempDir Path root)
      throws Exception {
    Path out = root.resolve("out");
    UnaryOperator<PCollection<String>> failing = failAfter("late", out);
    assertThrows(
        RuntimeException.class,
        () ->
            CuratePipeline.run(
                options(out, false),
                written -> {
                  written
                      .getPipeline()
                      .apply("StartLateWrite", Create.of("late"))
                      .apply("WriteLate", ParDo.of(new LateWriteFn("late", out.toString())));
                  return failing.apply(written);
                }));
    assertTrue(
        LATE_WRITTEN
            .computeIfAbsent("late", key -> new CountDownLatch(1))
            .await(1, TimeUnit.MINUTES),
        "the late write was made");
    assertEquals(List.of(), entries(root), "no staging folder came back");
  }

  private static CurateOptions options(Path out, boolean overwrite) {
    PipelineOptionsFactory.register(CurateOptions.class);
    return PipelineOptionsFactory.fromArgs(
            CuratePipelineTest.withLauncherFlags(
                "--input=" + SAMPLES.resolve("logs") + "/**",
                "--spec=" + SAMPLES.resolve("spec.yaml"),
                "--semantic=off",
                "--output=" + out,
                "--overwrite=" + overwrite))
        .withValidation()
        .as(CurateOptions.class);
  }

  /** A step after the writes that throws on the written file after the first few. */
  private static UnaryOperator<PCollection<String>> failAfter(String run, Path out) {
    return written -> written.apply("FailPartWay", ParDo.of(new FailAfterFn(run, out.toString())));
  }

  private static final class FailAfterFn extends DoFn<String, String> {
    private static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();
    private final String run;
    private final String out;

    FailAfterFn(String run, String out) {
      this.run = run;
      this.out = out;
    }

    @ProcessElement
    public void processElement(@Element String file, OutputReceiver<String> receiver) {
      if (SEEN.computeIfAbsent(run, key -> new AtomicInteger()).incrementAndGet()
          > FILES_BEFORE_FAILING) {
        // Another worker may get here after the failed run deleted its staging folder.
        STAGED.merge(run, stagedFiles(Path.of(out)), Math::max);
        FAILED.computeIfAbsent(run, key -> new CountDownLatch(1)).countDown();
        throw new IllegalStateException(
            "injected failure after " + FILES_BEFORE_FAILING + " files");
      }
      receiver.output(file);
    }

    /** Files in the staging folders beside {@code out}. */
    private static int stagedFiles(Path out) {
      try (Stream<Path> walk = Files.walk(out.getParent())) {
        return (int)
            walk.filter(Files::isRegularFile)
                .filter(
                    file ->
                        out.getParent()
                            .relativize(file)
                            .toString()
                            .startsWith(".out.sift-staging-"))
                .count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Waits until its run's step has failed, then for longer than {@link SafeOutput#abort} watches
   * for late writes, and writes a file into the staging folder, as a slow write would.
   */
  private static final class LateWriteFn extends DoFn<String, String> {
    private static final Duration AFTER_FAILURE = Duration.ofMillis(2_500);
    private final String run;
    private final String out;

    LateWriteFn(String run, String out) {
      this.run = run;
      this.out = out;
    }

    @ProcessElement
    public void processElement(@Element String name) throws Exception {
      Path parent = Path.of(out).getParent();
      Path staging;
      try (Stream<Path> entries = Files.list(parent)) {
        staging =
            entries
                .filter(entry -> entry.getFileName().toString().startsWith(".out.sift-staging-"))
                .findFirst()
                .orElseThrow();
      }
      if (FAILED.computeIfAbsent(run, key -> new CountDownLatch(1)).await(1, TimeUnit.MINUTES)) {
        Thread.sleep(AFTER_FAILURE.toMillis());
        Files.createDirectories(staging);
        Files.writeString(staging.resolve(name + ".txt"), name);
        LATE_WRITTEN.computeIfAbsent(run, key -> new CountDownLatch(1)).countDown();
      }
    }
  }

  private static List<Path> entries(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage());
  }
}
