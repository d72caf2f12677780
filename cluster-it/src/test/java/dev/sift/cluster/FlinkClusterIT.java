package dev.sift.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every pipeline on a real Flink cluster: the Flink bundle, submitted with {@code
 * --runner=FlinkRunner} to a JobManager and TaskManagers of their own JVMs with parallelism 2,
 * writes the same bytes, file for file, as the same bundle on the Direct Runner; so curate does
 * when a TaskManager is killed in the middle of the run.
 *
 * <p>Everything lands under {@code target/flink-cluster}: each cluster's configuration and logs,
 * the runs' outputs and their console output, for a look after a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlinkClusterIT {
  private static final Path LIB = Path.of(System.getProperty("flink.lib"));
  private static final Path BUNDLE = Path.of(System.getProperty("sift.bundle")).toAbsolutePath();
  private static final Path SAMPLES = Path.of(System.getProperty("sift.samples")).toAbsolutePath();
  private static final Path WORK = Path.of(System.getProperty("cluster.work")).toAbsolutePath();
  private static final int PARALLELISM = 2;

  /**
   * How the failover cluster restarts a job that lost a TaskManager: soon (heartbeats every second,
   * a TaskManager that misses 15 s of them is gone) and often enough to wait that out.
   */
  private static final List<String> FAILOVER =
      List.of(
          "heartbeat.interval: 1000",
          "heartbeat.timeout: 15000",
          "restart-strategy.type: fixed-delay",
          "restart-strategy.fixed-delay.attempts: 30",
          "restart-strategy.fixed-delay.delay: 2 s",
          "jobmanager.execution.failover-strategy: region");

  /** Each pipeline's output on the Direct Runner, by pipeline, once worked out. */
  private final Map<String, Map<Path, byte[]>> expected = new HashMap<>();

  @BeforeAll
  void cleanWork() throws IOException {
    OutputFiles.recreate(WORK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"curate", "dedup", "anonymize"})
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void writesTheDirectRunnersBytesOnAFlinkClusterWithParallelismTwo(String pipeline)
      throws Exception {
    Map<Path, byte[]> direct = expected(pipeline);
    Path flinkOut = WORK.resolve(pipeline + "-flink");
    try (FlinkCluster cluster =
        FlinkCluster.start(LIB, WORK.resolve(pipeline + "-cluster"), PARALLELISM)) {
      List<String> args = args(pipeline, flinkOut);
      args.addAll(
          List.of(
              "--runner=FlinkRunner",
              "--flinkMaster=" + cluster.master(),
              "--parallelism=" + PARALLELISM,
              "--filesToStage=" + BUNDLE));
      String output = sift(pipeline + "-flink", args);
      if (pipeline.equals("curate")) {
        assertTrue(output.contains("balance       holds"), output);
      }
      assertRanOnTheCluster(cluster);
    }
    assertSameBytes(direct, OutputFiles.read(flinkOut));
  }

  /**
   * Two TaskManagers of two slots each; once the job has finished some of its steps and not all,
   * the TaskManager running them is killed (SIGKILL). Flink restarts the lost part of the job on
   * the other TaskManager, the job finishes, and the output is the Direct Runner's, byte for byte.
   */
  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void writesTheDirectRunnersBytesWhenATaskManagerIsKilledMidRun() throws Exception {
    Path flinkOut = WORK.resolve("out-flink-failover");
    try (FlinkCluster cluster =
        FlinkCluster.start(LIB, WORK.resolve("cluster-failover"), 2, PARALLELISM, FAILOVER)) {
      List<String> args = args("curate", flinkOut);
      args.addAll(
          List.of(
              "--runner=FlinkRunner",
              "--flinkMaster=" + cluster.master(),
              "--parallelism=" + PARALLELISM,
              "--filesToStage=" + BUNDLE));
      Process run = start("flink-failover", args);
      try {
        int killed = killABusyTaskManagerMidRun(cluster, run);
        String output = await("flink-failover", run);
        assertTrue(output.contains("balance       holds"), output);
        JsonNode job = cluster.rest("/jobs/overview").path("jobs").get(0);
        assertEquals("FINISHED", job.path("state").asText(), job.toString());
        JsonNode failures =
            cluster
                .rest("/jobs/" + job.path("jid").asText() + "/exceptions")
                .path("exceptionHistory")
                .path("entries");
        assertTrue(
            failures.size() > 0 && failures.toString().contains("tm-" + killed),
            "the job failed over from tm-" + killed + ": " + failures);
      } finally {
        run.descendants().forEach(ProcessHandle::destroyForcibly);
        run.destroyForcibly();
      }
    }
    assertSameBytes(expected("curate"), OutputFiles.read(flinkOut));
  }

  /**
   * Waits until the job has finished some of its steps but not all, then kills a TaskManager with
   * tasks deployed; returns its number.
   */
  private static int killABusyTaskManagerMidRun(FlinkCluster cluster, Process run)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline) && run.isAlive()) {
      JsonNode jobs = cluster.rest("/jobs/overview").path("jobs");
      if (jobs.size() == 1 && jobs.get(0).path("state").asText().equals("RUNNING")) {
        JsonNode vertices =
            cluster.rest("/jobs/" + jobs.get(0).path("jid").asText()).path("vertices");
        long finished = 0;
        for (JsonNode vertex : vertices) {
          finished += vertex.path("status").asText().equals("FINISHED") ? 1 : 0;
        }
        if (finished > 0 && finished < vertices.size()) {
          int busy = 1;
          for (JsonNode tm : cluster.rest("/taskmanagers").path("taskmanagers")) {
            if (tm.path("freeSlots").asInt() < tm.path("slotsNumber").asInt()) {
              busy = Integer.parseInt(tm.path("id").asText().substring("tm-".length()));
              break;
            }
          }
          cluster.killTaskManager(busy);
          return busy;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the job was never caught mid-run:\n"
            + Files.readString(WORK.resolve("flink-failover.log")));
  }

  /** The Direct Runner's output of {@code pipeline}: what its cluster runs must write. */
  private Map<Path, byte[]> expected(String pipeline) throws Exception {
    if (!expected.containsKey(pipeline)) {
      Path directOut = WORK.resolve(pipeline + "-direct");
      sift(pipeline + "-direct", args(pipeline, directOut));
      Map<Path, byte[]> files = OutputFiles.read(directOut);
      assertTrue(
          files.containsKey(Path.of("_SUCCESS")) && files.size() > 1,
          "the Direct Runner wrote " + pipeline + "'s outputs: " + files.keySet());
      expected.put(pipeline, files);
    }
    return expected.get(pipeline);
  }

  private static void assertSameBytes(Map<Path, byte[]> expected, Map<Path, byte[]> actual) {
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

  private static List<String> args(String pipeline, Path output) {
    return new ArrayList<>(
        List.of(
            pipeline,
            "--input=" + SAMPLES.resolve("logs") + "/**",
            "--spec=" + SAMPLES.resolve("spec.yaml"),
            "--output=" + output));
  }

  /** Runs {@code java -jar <bundle> args...} to its end; returns what it printed. */
  private static String sift(String name, List<String> args) throws Exception {
    Process process = start(name, args);
    try {
      return await(name, process);
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** Starts {@code java -jar <bundle> args...}, its output going to {@code <name>.log}. */
  private static Process start(String name, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(BUNDLE.toString());
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(WORK.resolve(name + ".log").toFile())
        .start();
  }

  /** Waits for a run to end, checks it succeeded, and returns what it printed. */
  private static String await(String name, Process process) throws Exception {
    boolean ended = process.waitFor(10, TimeUnit.MINUTES);
    String output = Files.readString(WORK.resolve(name + ".log"));
    assertTrue(ended, "the " + name + " run did not end:\n" + output);
    assertEquals(0, process.exitValue(), "the " + name + " run failed:\n" + output);
    return output;
  }
}
