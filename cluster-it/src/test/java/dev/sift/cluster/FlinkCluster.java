package dev.sift.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Flink session cluster on 127.0.0.1 as Flink's own scripts start it: a JobManager and one or
 * more TaskManagers, each its own JVM, on the jars of {@code lib}, with their configuration, logs
 * and working files under {@code home}. {@link #close()} stops every JVM and whatever they started,
 * and a shutdown hook does the same if the test JVM ends first.
 */
final class FlinkCluster implements AutoCloseable {
  private static final String LOCALHOST = "127.0.0.1";
  private static final Duration STARTUP = Duration.ofMinutes(2);
  private static final Duration SHUTDOWN = Duration.ofSeconds(20);
  private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

  /** Flink 1.19's env.java.opts.all: the JDK internals Flink reaches into on Java 17. */
  private static final List<String> JAVA_17_FLAGS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private final Path lib;
  private final Path home;
  private final int restPort;
  private final List<Process> processes = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final Thread stopOnExit = new Thread(this::stopProcesses, "stop-flink-cluster");
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private FlinkCluster(Path lib, Path home, int restPort) {
    this.lib = lib;
    this.home = home;
    this.restPort = restPort;
  }

  /**
   * Starts a JobManager and a TaskManager with {@code slots} task slots and waits until the
   * TaskManager has registered them with the JobManager.
   */
  static FlinkCluster start(Path lib, Path home, int slots) throws Exception {
    return start(lib, home, 1, slots, List.of());
  }

  /**
   * Starts a JobManager and {@code taskManagers} TaskManagers ({@code tm-1}, {@code tm-2}, ...) of
   * {@code slots} task slots each, with {@code config} lines added to the configuration, and waits
   * until every TaskManager has registered its slots with the JobManager.
   */
  static FlinkCluster start(Path lib, Path home, int taskManagers, int slots, List<String> config)
      throws Exception {
    FlinkCluster cluster = new FlinkCluster(lib, home, freePort());
    Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
    try {
      cluster.writeConfig(slots, config);
      cluster.launch(
          "jobmanager",
          List.of("-Xmx512m"),
          "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
          cluster.configDir());
      TaskManagerParameters tm = cluster.taskManagerParameters();
      for (int i = 1; i <= taskManagers; i++) {
        String name = taskManagers == 1 ? "taskmanager" : "taskmanager-" + i;
        cluster.launch(
            name,
            tm.jvmFlags(),
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
            concat(
                concat(cluster.configDir(), tm.dynamicConfig()),
                List.of("-D", "taskmanager.resource-id=tm-" + i)));
      }
      cluster.awaitSlots(taskManagers, taskManagers * slots);
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** Host and REST port of the JobManager: the value of {@code --flinkMaster}. */
  String master() {
    return LOCALHOST + ":" + restPort;
  }

  /** GET on the JobManager's REST API, e.g. {@code /jobs/overview}. */
  JsonNode rest(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://" + master() + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": HTTP " + response.statusCode() + response.body());
    }
    return json.readTree(response.body());
  }

  /**
   * Kills TaskManager {@code tm-<number>} at once (SIGKILL), as a machine that dies does, and waits
   * until its JVM is gone.
   */
  void killTaskManager(int number) throws Exception {
    Process process = processes.get(names.indexOf("taskmanager-" + number));
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("taskmanager-" + number + " did not die");
    }
  }

  /** The last lines of each JVM's log, for failure messages. */
  String logTails() {
    StringBuilder tails = new StringBuilder();
    for (String name : names) {
      Path log = logFile(name);
      tails.append("\n--- ").append(log).append(" (last lines) ---\n");
      try {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no log)");
        lines
            .subList(Math.max(0, lines.size() - 40), lines.size())
            .forEach(line -> tails.append(line).append('\n'));
      } catch (IOException e) {
        tails.append("cannot read: ").append(e).append('\n');
      }
    }
    return tails.toString();
  }

  @Override
  public void close() {
    stopProcesses();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down, and the hook is running or has run.
    }
  }

  /** Binds every endpoint to 127.0.0.1; ports not named here are picked free by Flink. */
  private void writeConfig(int slots, List<String> extra) throws IOException {
    Files.createDirectories(home.resolve("conf"));
    Files.createDirectories(home.resolve("log"));
    Files.createDirectories(home.resolve("tmp"));
    List<String> config =
        List.of(
            "jobmanager.rpc.address: " + LOCALHOST,
            "jobmanager.rpc.port: " + freePort(),
            "jobmanager.bind-host: " + LOCALHOST,
            "rest.address: " + LOCALHOST,
            "rest.bind-address: " + LOCALHOST,
            "rest.port: " + restPort,
            "taskmanager.host: " + LOCALHOST,
            "taskmanager.bind-host: " + LOCALHOST,
            "taskmanager.numberOfTaskSlots: " + slots,
            "taskmanager.memory.process.size: 2048m",
            // Each running task holds network buffers, each blocking result at least
            // sort-shuffle.min-buffers (default 512): with the defaults, curate's many steps at
            // times asked for more than a 2 GB TaskManager has ("Insufficient number of network
            // buffers").
            "taskmanager.memory.network.min: 256m",
            "taskmanager.memory.network.max: 256m",
            "taskmanager.network.sort-shuffle.min-buffers: 128",
            "io.tmp.dirs: " + home.resolve("tmp"));
    Files.write(home.resolve("conf/config.yaml"), concat(config, extra), StandardCharsets.UTF_8);
  }

  private record TaskManagerParameters(List<String> jvmFlags, List<String> dynamicConfig) {}

  /**
   * The TaskManager's heap, direct and metaspace sizes and the memory settings derived from the
   * configuration, computed by the same utility Flink's taskmanager.sh calls.
   */
  private TaskManagerParameters taskManagerParameters() throws Exception {
    Process process =
        new ProcessBuilder(
                command(
                    List.of(),
                    "org.apache.flink.runtime.util.bash.BashJavaUtils",
                    concat(List.of("GET_TM_RESOURCE_PARAMS"), configDir())))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("BashJavaUtils GET_TM_RESOURCE_PARAMS failed:\n" + output);
    }
    List<String> results =
        output
            .lines()
            .filter(line -> line.startsWith(RESULT_PREFIX))
            .map(line -> line.substring(RESULT_PREFIX.length()).strip())
            .toList();
    if (results.size() < 2) {
      throw new IllegalStateException("Unexpected BashJavaUtils output:\n" + output);
    }
    return new TaskManagerParameters(words(results.get(0)), words(results.get(1)));
  }

  private void launch(String name, List<String> jvmFlags, String mainClass, List<String> args)
      throws IOException {
    Process process =
        new ProcessBuilder(command(jvmFlags, mainClass, args))
            .redirectErrorStream(true)
            .redirectOutput(logFile(name).toFile())
            .start();
    processes.add(process);
    names.add(name);
  }

  private List<String> command(List<String> jvmFlags, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JAVA_17_FLAGS);
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(lib.resolve("*").toString());
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  private void awaitSlots(int taskManagers, int slots) throws Exception {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "a cluster JVM exited with " + process.exitValue() + logTails());
        }
      }
      try {
        JsonNode overview = rest("/overview");
        if (overview.path("taskmanagers").asInt() == taskManagers
            && overview.path("slots-available").asInt() == slots) {
          return;
        }
      } catch (IOException e) {
        // The REST endpoint is not up yet.
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the cluster did not offer " + slots + " slots" + logTails());
  }

  /** Asks each JVM and its children to stop, then kills what is left after a grace period. */
  private synchronized void stopProcesses() {
    List<ProcessHandle> all = new ArrayList<>();
    for (Process process : processes) {
      process.descendants().forEach(all::add);
      all.add(process.toHandle());
    }
    all.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(SHUTDOWN);
    for (ProcessHandle handle : all) {
      try {
        handle
            .onExit()
            .get(
                Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
    processes.clear();
  }

  private List<String> configDir() {
    return List.of("--configDir", home.resolve("conf").toString());
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private Path logFile(String name) {
    return home.resolve("log").resolve(name + ".log");
  }

  private static List<String> words(String line) {
    return Arrays.stream(line.split("\\s+")).filter(word -> !word.isEmpty()).toList();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOCALHOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
