package dev.sift.pipelines;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.sift.transforms.report.HeadlessChromiumCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless, for tests that load a page as a reviewer's browser does. {@code
 * .ci/run} installs it; elsewhere a test that needs it is skipped with a message, unless {@code
 * SIFT_REQUIRE_BROWSER=1} says the browser must be there (as CI does).
 */
final class HeadlessChromium {
  /** What the browser made of a page: its DOM after load, and the console messages it logged. */
  record Load(String dom, List<String> consoleMessages) {}

  private final Path binary;
  private final Path profile;

  private HeadlessChromium(Path binary, Path profile) {
    this.binary = binary;
    this.profile = profile;
  }

  /** The browser, or a skipped test when it is not installed and not required. */
  static HeadlessChromium find(Path profile) {
    String configured = System.getenv("SIFT_CHROMIUM");
    Path binary = Path.of(configured == null ? "/usr/bin/chromium" : configured);
    if (!Files.isExecutable(binary)) {
      String message = "No Chromium at " + binary + " (apt-get install chromium, or SIFT_CHROMIUM)";
      if ("1".equals(System.getenv("SIFT_REQUIRE_BROWSER"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    return new HeadlessChromium(binary, profile);
  }

  Load load(Path page) throws IOException, InterruptedException {
    Path err = profile.resolve("load.err");
    Process process = start(List.of("--dump-dom", page.toUri().toString()), err);
    String dom = new String(process.getInputStream().readAllBytes(), UTF_8);
    finish(process);
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(err, UTF_8)) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new Load(dom, console);
  }

  void screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    Process process =
        start(
            List.of(
                "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(),
                page.toUri().toString()),
            profile.resolve("screenshot.err"));
    process.getInputStream().readAllBytes();
    finish(process);
  }

  private Process start(List<String> arguments, Path err) throws IOException {
    return new ProcessBuilder(HeadlessChromiumCommand.of(binary, profile, arguments))
        .redirectError(err.toFile())
        .start();
  }

  private static void finish(Process process) throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      Assertions.fail("Chromium did not finish within 60 s");
    }
  }
}
