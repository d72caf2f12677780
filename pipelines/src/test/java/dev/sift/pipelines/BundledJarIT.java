package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled jar that {@code ./sift} runs and clusters are given, run as its own process: it must
 * hold every class the pipeline needs, which tests on the build's classpath cannot show.
 */
class BundledJarIT {

  @Test
  void curatesTheSamplesInItsOwnProcess(@TempDir Path out) throws Exception {
    Run run =
        sift(
            CuratePipelineTest.withLauncherFlags(
                "curate",
                "--input=" + CuratePipelineTest.SAMPLES.resolve("logs/**"),
                "--spec=" + CuratePipelineTest.SAMPLES.resolve("spec.yaml"),
                "--output=" + out));

    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("balance       holds: 338 read"), run.output());
    assertTrue(CuratePipelineTest.report(out).at("/accounting/balanced").asBoolean());
  }

  @Test
  void failsWithAOneLineMessageAndExitCode2OnABadOption() throws Exception {
    Run run = sift("curate", "--input=/nowhere/*.jsonl", "--output=/tmp/unused");

    assertEquals(2, run.exitCode(), run.output());
    assertEquals("sift curate: --input=/nowhere/*.jsonl matches no file", run.output().strip());
  }

  private record Run(int exitCode, String output) {}

  /** Runs {@code java -jar <bundled jar> args...}, as ./sift does. */
  private static Run sift(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(bundledJar().toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the run did not end: " + output);
    return new Run(process.exitValue(), output);
  }

  private static Path bundledJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars =
          files
              .filter(file -> file.getFileName().toString().endsWith("-bundled.jar"))
              .collect(Collectors.toList());
      assertEquals(1, jars.size(), "one bundled jar in target/: " + jars);
      return jars.get(0);
    }
  }
}
