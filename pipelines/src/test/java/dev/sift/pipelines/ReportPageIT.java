package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.transforms.write.OutputLayout;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page as a reviewer's browser shows it: the samples' run loaded in headless Chromium,
 * with no console message, every section there, and a screenshot under {@code target/}; and a
 * report holding markup, whose markup shows as text.
 */
class ReportPageIT {
  private static final Path SCREENSHOTS = Path.of("target", "report-page");

  @Test
  void theSamplesPageLoadsWithoutConsoleErrorsAndShowsEverySection(@TempDir Path dir)
      throws Exception {
    HeadlessChromium browser = HeadlessChromium.find(dir);
    Path out = dir.resolve("out");
    PipelineOptionsFactory.register(CurateOptions.class);
    CuratePipeline.run(
        PipelineOptionsFactory.fromArgs(
                CuratePipelineTest.withLauncherFlags(
                    "--input=" + CuratePipelineTest.SAMPLES.resolve("logs/**"),
                    "--spec=" + CuratePipelineTest.SAMPLES.resolve("spec.yaml"),
                    "--semantic=off",
                    "--output=" + out))
            .withValidation()
            .as(CurateOptions.class));
    Path page = out.resolve(OutputLayout.REPORT_PAGE);

    HeadlessChromium.Load load = browser.load(page);

    assertEquals(List.of(), load.consoleMessages());
    String dom = load.dom();
    assertTrue(dom.contains("<section id=\"summary\">"), "summary section");
    assertTrue(dom.contains("<h3 id=\"duplicates\">Duplicate clusters</h3>"), "duplicates");
    assertTrue(dom.contains("Clusters by size (conversations)"), "cluster-size histogram");
    assertTrue(dom.contains("<h4>Largest clusters</h4>"), "largest clusters");
    assertTrue(dom.contains("<h3>Balance over tasks "), "balance over tasks");
    assertTrue(dom.contains("<table class=\"list index\">"), "tasks index");
    JsonNode report = CuratePipelineTest.report(out);
    for (JsonNode task : report.get("tasks")) {
      String id = "id=\"task-" + task.get("directory").asText().replace('/', '-') + "\"";
      int start = dom.indexOf(id);
      assertTrue(start >= 0, () -> "section of task " + task.get("task"));
      String section = dom.substring(start, dom.indexOf("</section>", start));
      for (String part :
          List.of(
              "<div class=\"decision\"><p class=\"why\">",
              "<figcaption>The five criteria</figcaption>",
              "<div class=\"metric-card\">",
              "Turns per conversation",
              "Tokens per conversation",
              "<h3>Chosen few-shot examples</h3>",
              "<details class=\"example\">",
              "<h3>Conflicting answers</h3>",
              "<h3>Off-topic conversations</h3>",
              "<h3>Recommendations</h3>")) {
        assertTrue(section.contains(part), () -> task.get("task") + " shows " + part);
      }
    }
    String billing = taskSection(dom, "billing");
    assertTrue(billing.contains("<h4>Fine-tuning files</h4>"), "token statistics");
    assertTrue(billing.contains("<h3>Label balance</h3>"), "label balance bars");
    assertTrue(billing.contains("dominant"), "billing's dominant intent");
    assertTrue(billing.contains("<th>relevance</th>"), "off-topic conversations listed");
    assertTrue(taskSection(dom, "shipping").contains("<details class=\"conflict\">"), "conflict");
    Files.createDirectories(SCREENSHOTS);
    Path png = SCREENSHOTS.resolve("samples.png");
    browser.screenshot(page, png, 1280, 16_000);
    assertTrue(Files.size(png) > 10_000, "a screenshot of the page");
  }

  private static String taskSection(String dom, String directory) {
    int start = dom.indexOf("id=\"task-tasks-" + directory + "\"");
    assertTrue(start >= 0, "section of task " + directory);
    return dom.substring(start, dom.indexOf("</section>", start));
  }

  @Test
  void markupInTheReportShowsAsTextAndRunsNothing(@TempDir Path dir) throws Exception {
    HeadlessChromium browser = HeadlessChromium.find(dir);
    Path report = dir.resolve("quality-report.json");
    try (InputStream in = getClass().getResourceAsStream("/ReportPageIT/hostile-report.json")) {
      Files.copy(in, report);
    }
    PipelineOptionsFactory.register(ReportOptions.class);
    RenderReport.run(
        PipelineOptionsFactory.fromArgs("--report=" + report)
            .withValidation()
            .as(ReportOptions.class));

    HeadlessChromium.Load load = browser.load(dir.resolve("index.html"));

    assertEquals(List.of(), load.consoleMessages(), "no script ran or was even attempted");
    assertFalse(load.dom().contains("<script"), "no script element in the page");
    assertFalse(load.dom().contains("<img"), "no element from the data in the page");
    assertTrue(load.dom().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(load.dom().contains("\"&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assertTrue(
        load.dom().contains("Hi &lt;script&gt;alert(1)&lt;/script&gt; where is my parcel?"),
        "a chosen few-shot example holding markup shows it as text");
    assertFalse(load.dom().contains("<iframe"), "no frame from a conflicting answer");
    Files.createDirectories(SCREENSHOTS);
    browser.screenshot(dir.resolve("index.html"), SCREENSHOTS.resolve("hostile.png"), 1280, 6000);
  }
}
