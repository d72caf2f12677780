package dev.sift.bench.scale;

import dev.sift.bench.Args;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./bench scale}: the curate pipeline on synthetic logs of growing size, on the Direct
 * Runner and on an embedded Flink, each run a JVM of its own started from the bundled jars as a
 * user would; with wall time, conversations and MB per second, peak memory, the machine's limit for
 * the same input ({@link LimitPass}) and the Direct Runner's floor ({@link ReadOnlyPipeline}:
 * reading the input and nothing else, then the same with the anonymise stage after the read, which
 * tells what that stage costs in a pipeline). Prints the targets beside the figures.
 */
public final class ScaleBench {
  private static final Pattern MAX_RSS =
      Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
  private static final Pattern CPU_SECONDS =
      Pattern.compile("(?:User|System) time \\(seconds\\): ([0-9.]+)");
  private static final double TARGET_PER_CORE_SECOND = 1_700;
  private static final double TARGET_SHARE_OF_LIMIT = 0.20;
  private static final double TARGET_GROWTH_1M_OVER_100K = 12;

  /**
   * The Direct Runner as {@code ./sift} runs it: without Beam's per-element checks, a thread per
   * core (at least 2).
   */
  static final List<String> DIRECT_RUNNER =
      List.of(
          "--runner=DirectRunner",
          "--enforceImmutability=false",
          "--enforceEncodability=false",
          "--targetParallelism=" + Math.max(2, Runtime.getRuntime().availableProcessors()));

  private ScaleBench() {}

  /**
   * One pipeline run: how long (wall, and user + system CPU), how much memory, whether it finished.
   */
  record Run(
      String runner, long size, double seconds, double cpuSeconds, long peakRssKb, int exitCode) {}

  public static void main(String[] argv) throws Exception {
    Args args =
        Args.parse(
            "scale",
            argv,
            "sizes",
            "conversations per run, comma-separated (default 100000,1000000)",
            "runners",
            "direct and/or flink (default direct,flink)",
            "work",
            "folder for the generated logs and the outputs (default benchmarks/target/scale)",
            "heap",
            "maximum heap of each run's JVM (default 8g)",
            "seed",
            "seed of the synthetic logs (default 1)");
    Path work = Path.of(args.value("work", "benchmarks/target/scale"));
    String heap = args.value("heap", "8g");
    long seed = args.longValue("seed", 1);
    List<Run> runs = new ArrayList<>();
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "Machine: %d cores; each run: -Xmx%s%n", cores, heap);
    System.out.printf(
        Locale.ROOT,
        "%-9s %10s %9s %9s %10s %9s %10s %9s %10s %10s %8s%n",
        "runner",
        "records",
        "wall s",
        "CPU s",
        "conv/s",
        "MB/s",
        "peak MB",
        "limit s",
        "conv/core-s",
        "conv/CPU-s",
        "vs limit");
    for (String sizeText : args.value("sizes", "100000,1000000").split(",")) {
      long size = Long.parseLong(sizeText.strip().replace("_", ""));
      Path logs = generated(work, size, seed);
      LimitPass.Result limit = LimitPass.run(logs);
      double megabytes = limit.bytes() / 1e6;
      System.out.printf(
          Locale.ROOT,
          "%-9s %,10d %9.1f %9s %,10.0f %9.1f %10s %9.1f %10s %10s %8s%n",
          "limit",
          limit.records(),
          limit.seconds(),
          "-",
          limit.records() / limit.seconds(),
          megabytes / limit.seconds(),
          "-",
          limit.seconds(),
          "-",
          "-",
          "1.00");
      List<Run> sized = new ArrayList<>();
      Run readOnly = readOnly(logs, work.resolve("read-only-" + size + ".log"), heap, size, false);
      Run readAnonymize =
          readOnly(logs, work.resolve("read-anon-" + size + ".log"), heap, size, true);
      sized.add(readOnly);
      sized.add(readAnonymize);
      for (String runner : args.value("runners", "direct,flink").split(",")) {
        Run run =
            curate(runner.strip(), logs, work.resolve("out-" + size + "-" + runner), heap, size);
        runs.add(run);
        sized.add(run);
      }
      for (Run run : sized) {
        System.out.printf(
            Locale.ROOT,
            "%-9s %,10d %9.1f %9s %,10.0f %9.1f %10s %9.1f %,10.0f %10s %8.2f%s%n",
            run.runner(),
            size,
            run.seconds(),
            measured(run.cpuSeconds(), "%.1f"),
            size / run.seconds(),
            megabytes / run.seconds(),
            measured(run.peakRssKb() / 1024.0, "%,.0f"),
            limit.seconds(),
            size / run.seconds() / cores,
            measured(run.cpuSeconds() == 0 ? 0 : size / run.cpuSeconds(), "%,.0f"),
            limit.seconds() / run.seconds(),
            run.exitCode() == 0 ? "" : "  FAILED (exit " + run.exitCode() + ")");
      }
      anonymizeStage(readOnly, readAnonymize);
    }
    System.out.printf(
        Locale.ROOT,
        "Targets: >= %,.0f conversations per core-second; >= %.0f%% of the limit's throughput;"
            + " time at 1M / time at 100k <= %.0f%n",
        TARGET_PER_CORE_SECOND,
        TARGET_SHARE_OF_LIMIT * 100,
        TARGET_GROWTH_1M_OVER_100K);
    System.out.println(
        "  read-only: the Direct Runner reading the input into conversations and counting them,"
            + " no other stage; no curate run on that runner can take less");
    System.out.println(
        "  read+anon: the same with curate's anonymise stage after the read; the difference is"
            + " that stage's cost in a pipeline");
    growth(runs);
  }

  /**
   * The anonymise stage's CPU in a pipeline: the read-and-anonymise run's less the read-only run's,
   * beside the read-only run's (JVM start and pipeline set-up included, which favours the read).
   */
  private static void anonymizeStage(Run readOnly, Run readAnonymize) {
    if (readOnly.exitCode() != 0 || readAnonymize.exitCode() != 0 || readOnly.cpuSeconds() == 0) {
      return;
    }
    double stage = readAnonymize.cpuSeconds() - readOnly.cpuSeconds();
    System.out.printf(
        Locale.ROOT,
        "  anonymise stage in the pipeline: %.1f s CPU (%.0f µs per record),"
            + " %.2f times the read-only run's %.1f s (%.0f µs per record)%n",
        stage,
        stage / readOnly.size() * 1e6,
        stage / readOnly.cpuSeconds(),
        readOnly.cpuSeconds(),
        readOnly.cpuSeconds() / readOnly.size() * 1e6);
  }

  /** {@code value} in {@code format}, or "-" when GNU time reported nothing (a killed run). */
  private static String measured(double value, String format) {
    return value == 0 ? "-" : String.format(Locale.ROOT, format, value);
  }

  private static void growth(List<Run> runs) {
    for (Run big : runs) {
      for (Run small : runs) {
        if (big.runner().equals(small.runner()) && big.size() == 10 * small.size()) {
          System.out.printf(
              Locale.ROOT,
              "  %s: time at %,d / time at %,d = %.1f%n",
              big.runner(),
              big.size(),
              small.size(),
              big.seconds() / small.seconds());
        }
      }
    }
  }

  /** The logs of {@code size} records, generated once and kept for later runs. */
  private static Path generated(Path work, long size, long seed) throws Exception {
    Path dir = work.resolve("logs-" + size + "-" + seed);
    if (!Files.isDirectory(dir.resolve("logs"))) {
      SyntheticLogs.main(
          new String[] {
            "--out=" + dir, "--conversations=" + size, "--seed=" + seed, "--format=openai"
          });
    }
    return dir.resolve("logs");
  }

  /**
   * {@link ReadOnlyPipeline} on the Direct Runner, from the same bundled jar and with the same
   * options as curate's run: the runner's floor for the input, or with {@code anonymize} the read
   * followed by the anonymise stage.
   */
  private static Run readOnly(Path logs, Path log, String heap, long size, boolean anonymize)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", "java", "-Xmx" + heap));
    command.addAll(
        List.of(
            "-cp",
            jar("pipelines/target", "sift-pipelines-", "-bundled.jar")
                + File.pathSeparator
                + Path.of(
                    ReadOnlyPipeline.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI()),
            ReadOnlyPipeline.class.getName(),
            "--input=" + logs.toAbsolutePath() + "/**",
            "--anonymize=" + anonymize));
    command.addAll(DIRECT_RUNNER);
    return timed(anonymize ? "read+anon" : "read-only", command, log, size);
  }

  private static Run curate(String runner, Path logs, Path output, String heap, long size)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", "java", "-Xmx" + heap));
    switch (runner) {
      case "direct" -> {
        command.addAll(List.of("-jar", jar("pipelines/target", "sift-pipelines-", "-bundled.jar")));
        command.add("curate");
        command.addAll(DIRECT_RUNNER);
      }
      case "flink" -> {
        command.addAll(
            List.of("-jar", jar("flink-bundle/target", "sift-flink-bundle-", "-bundled.jar")));
        command.addAll(
            List.of(
                "curate",
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=" + Runtime.getRuntime().availableProcessors()));
      }
      default -> throw new IllegalArgumentException("unknown runner " + runner);
    }
    command.add("--input=" + logs.toAbsolutePath() + "/**");
    command.add("--output=" + output.toAbsolutePath());
    // The lexical pipeline at every size: semantic auto would embed the small runs' tasks only.
    command.add("--semantic=off");
    // The bench owns its work folder: a run replaces the output of the last run of its size.
    command.add("--overwrite");
    return timed(runner, command, output.resolveSibling(output.getFileName() + ".log"), size);
  }

  /** Runs {@code command} (under GNU time), its output going to {@code log}. */
  private static Run timed(String runner, List<String> command, Path log, long size)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    double seconds = (System.nanoTime() - started) / 1e9;
    String timed = Files.readString(log);
    long rss = 0;
    Matcher matcher = MAX_RSS.matcher(timed);
    if (matcher.find()) {
      rss = Long.parseLong(matcher.group(1));
    }
    double cpu = 0;
    for (Matcher part = CPU_SECONDS.matcher(timed); part.find(); ) {
      cpu += Double.parseDouble(part.group(1));
    }
    return new Run(runner, size, seconds, cpu, rss, exit);
  }

  private static String jar(String folder, String prefix, String suffix) throws IOException {
    Path dir = Path.of(folder);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (name.startsWith(prefix) && name.endsWith(suffix)) {
            return file.toString();
          }
        }
      }
    }
    throw new IllegalArgumentException(
        "no "
            + prefix
            + "*"
            + suffix
            + " in "
            + folder
            + ": build it first with ./mvnw -B -DskipTests package");
  }
}
