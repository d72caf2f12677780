package dev.sift.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.OutputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every pipeline on the embedded Spark: the Spark bundle, run with {@code --runner=SparkRunner
 * --sparkMaster=local[2]}, writes the same bytes, file for file, as the same bundle on the Direct
 * Runner, from the samples.
 *
 * <p>It guards against Spark's translation differing from the other runners'. Beam 2.70's Spark
 * runner, for one, let the additional output of a two-output ParDo that nothing reads flow into the
 * consumers of its main output; curate failed on Spark from the day the dedup stage had such an
 * output, and no other test saw it.
 *
 * <p>Everything lands under {@code target/spark-local}: the runs' outputs and console output.
 */
class SparkLocalIT {
  private static final Path BUNDLE = Path.of(System.getProperty("sift.bundle")).toAbsolutePath();
  private static final Path SAMPLES = Path.of(System.getProperty("sift.samples")).toAbsolutePath();
  private static final Path WORK = Path.of(System.getProperty("spark.work")).toAbsolutePath();

  /** What Spark needs on Java 17, as {@code ./sift} passes it: Spark reaches into JDK internals. */
  private static final List<String> SPARK_JVM_FLAGS = sparkJvmFlags();

  @BeforeAll
  static void cleanWork() throws IOException {
    OutputFiles.recreate(WORK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"curate", "dedup", "anonymize"})
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void writesTheDirectRunnersBytesOnTheEmbeddedSpark(String pipeline) throws Exception {
    Path directOut = WORK.resolve(pipeline + "-direct");
    String direct = sift(pipeline + "-direct", List.of(), args(pipeline, directOut));
    Map<Path, byte[]> expected = OutputFiles.read(directOut);
    assertTrue(
        expected.containsKey(Path.of("_SUCCESS")) && expected.size() > 1,
        "the Direct Runner wrote " + pipeline + "'s outputs: " + expected.keySet());

    Path sparkOut = WORK.resolve(pipeline + "-spark");
    List<String> args = args(pipeline, sparkOut);
    args.addAll(List.of("--runner=SparkRunner", "--sparkMaster=local[2]"));
    String spark = sift(pipeline + "-spark", SPARK_JVM_FLAGS, args);
    if (pipeline.equals("curate")) {
      assertTrue(direct.contains("balance       holds"), direct);
      assertTrue(spark.contains("balance       holds"), spark);
    }

    Map<Path, byte[]> actual = OutputFiles.read(sparkOut);
    assertEquals(expected.keySet(), actual.keySet(), "the same files");
    expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file.toString()));
  }

  private static List<String> args(String pipeline, Path output) {
    return new ArrayList<>(
        List.of(
            pipeline,
            "--input=" + SAMPLES.resolve("logs") + "/**",
            "--spec=" + SAMPLES.resolve("spec.yaml"),
            "--output=" + output));
  }

  /** Runs {@code java <jvm flags> -jar <bundle> args...} to its end; returns what it printed. */
  private static String sift(String name, List<String> jvmFlags, List<String> args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(BUNDLE.toString());
    command.addAll(args);
    Path log = WORK.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      boolean ended = process.waitFor(5, TimeUnit.MINUTES);
      String output = Files.readString(log);
      assertTrue(ended, "the " + name + " run did not end:\n" + output);
      assertEquals(0, process.exitValue(), "the " + name + " run failed:\n" + output);
      return output;
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static List<String> sparkJvmFlags() {
    try {
      return Files.readAllLines(Path.of(System.getProperty("spark.jvm.flags"))).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
