package dev.sift.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The curate pipeline on a real Flink cluster: the Flink bundle, submitted with {@code
 * --runner=FlinkRunner} to a JobManager and TaskManager of their own JVMs with parallelism 2,
 * writes the same bytes, file for file, as the same bundle on the Direct Runner.
 *
 * <p>Everything lands under {@code target/flink-cluster}: the cluster's configuration and logs, the
 * two runs' outputs and their console output, for a look after a failure.
 */
class FlinkClusterIT {
  private static final Path LIB = Path.of(System.getProperty("flink.lib"));
  private static final Path BUNDLE = Path.of(System.getProperty("sift.bundle")).toAbsolutePath();
  private static final Path SAMPLES = Path.of(System.getProperty("sift.samples")).toAbsolutePath();
  private static final Path WORK = Path.of(System.getProperty("cluster.work")).toAbsolutePath();
  private static final int PARALLELISM = 2;

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void writesTheDirectRunnersBytesOnAFlinkClusterWithParallelismTwo() throws Exception {
    deleteRecursively(WORK);
    Path directOut = WORK.resolve("out-direct");
    Path flinkOut = WORK.resolve("out-flink");

    sift("direct", curate(directOut));
    try (FlinkCluster cluster = FlinkCluster.start(LIB, WORK.resolve("cluster"), PARALLELISM)) {
      List<String> args = curate(flinkOut);
      args.addAll(
          List.of(
              "--runner=FlinkRunner",
              "--flinkMaster=" + cluster.master(),
              "--parallelism=" + PARALLELISM,
              "--filesToStage=" + BUNDLE));
      String output = sift("flink", args);
      assertTrue(output.contains("balance       holds"), output);
      assertRanOnTheCluster(cluster);
    }

    Map<Path, byte[]> expected = files(directOut);
    Map<Path, byte[]> actual = files(flinkOut);
    assertTrue(
        expected.containsKey(Path.of("report/quality-report.json"))
            && expected.containsKey(Path.of("tasks/billing/train.jsonl")),
        "the Direct Runner wrote the samples' outputs: " + expected.keySet());
    assertEquals(expected.keySet(), actual.keySet(), "the same files");
    expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file.toString()));
  }

  /** One job, finished, and run by the TaskManager with the requested parallelism. */
  private static void assertRanOnTheCluster(FlinkCluster cluster) throws Exception {
    JsonNode jobs = cluster.rest("/jobs/overview").path("jobs");
    assertEquals(1, jobs.size(), jobs.toString());
    assertEquals("FINISHED", jobs.get(0).path("state").asText(), jobs.toString());
    JsonNode job = cluster.rest("/jobs/" + jobs.get(0).path("jid").asText());
    int parallelism = 0;
    for (JsonNode vertex : job.path("vertices")) {
      parallelism = Math.max(parallelism, vertex.path("parallelism").asInt());
    }
    assertEquals(PARALLELISM, parallelism, "the job's largest vertex parallelism");
  }

  private static List<String> curate(Path output) {
    return new ArrayList<>(
        List.of(
            "curate",
            "--input=" + SAMPLES.resolve("logs") + "/**",
            "--spec=" + SAMPLES.resolve("spec.yaml"),
            "--output=" + output));
  }

  /** Runs {@code java -jar <bundle> args...} to its end; returns what it printed. */
  private static String sift(String name, List<String> args) throws Exception {
    Path log = WORK.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(BUNDLE.toString());
    command.addAll(args);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      boolean ended = process.waitFor(10, TimeUnit.MINUTES);
      String output = Files.readString(log);
      assertTrue(ended, "the " + name + " run did not end:\n" + output);
      assertEquals(0, process.exitValue(), "the " + name + " run failed:\n" + output);
      return output;
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static Map<Path, byte[]> files(Path root) throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(root);
  }
}
