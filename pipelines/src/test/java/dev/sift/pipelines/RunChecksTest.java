package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that cannot succeed stops before any work, with a message that says what to fix, and leaves
 * nothing behind: no output, no staging folder.
 */
class RunChecksTest {
  private static final Path LOGS = CuratePipelineTest.SAMPLES.resolve("logs");

  @Test
  void aBadSpecNamesTheFileTheLineTheKeyAndWhatWasExpected(@TempDir Path root) throws IOException {
    Path spec = root.resolve("spec.yaml");
    Files.writeString(spec, "defaults:\n  fewShotK: five\n");
    SpecException error =
        assertThrows(
            SpecException.class,
            () ->
                run(
                    "--input=" + LOGS + "/**",
                    "--spec=" + spec,
                    "--output=" + root.resolve("out")));
    assertEquals(
        spec + ":2: key 'defaults.fewShotK' has the wrong type: expected an integer",
        error.getMessage());
    assertEquals(List.of(spec), entries(root));
  }

  @Test
  void aGlobThatMatchesNothingStopsTheRun(@TempDir Path root) throws IOException {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> run("--input=" + LOGS + "/**/*.jsnol", "--output=" + root.resolve("out")));
    assertEquals("--input=" + LOGS + "/**/*.jsnol matches no file", error.getMessage());
    assertEquals(List.of(), entries(root));
  }

  @Test
  void anOutputThatCannotBeWrittenStopsTheRun(@TempDir Path root) throws IOException {
    Path file = Files.writeString(root.resolve("report.txt"), "a file");
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> run("--input=" + LOGS + "/**", "--output=" + file.resolve("out")));
    assertTrue(
        error.getMessage().startsWith("--output=" + file.resolve("out") + " cannot be written: "),
        error.getMessage());
    assertEquals(List.of(file), entries(root));
  }

  @Test
  void anExistingOutputIsRefusedWithoutOverwrite(@TempDir Path root) throws IOException {
    Path out = root.resolve("out");
    Files.createDirectories(out.resolve("report"));
    Files.writeString(out.resolve("report/quality-report.json"), "{}");
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> run("--input=" + LOGS + "/**", "--output=" + out));
    assertTrue(error.getMessage().contains("pass --overwrite"), error.getMessage());
    assertEquals("{}", Files.readString(out.resolve("report/quality-report.json")));
    assertEquals(List.of(out), entries(root));
  }

  private static void run(String... args) throws IOException {
    PipelineOptionsFactory.register(CurateOptions.class);
    CuratePipeline.run(
        PipelineOptionsFactory.fromArgs(args).withValidation().as(CurateOptions.class));
  }

  private static List<Path> entries(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    }
  }
}
