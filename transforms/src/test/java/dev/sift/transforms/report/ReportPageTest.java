package dev.sift.transforms.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.transforms.json.Json;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ReportPageTest {

  /** A report whose task name, reason and extra fields hold markup. */
  private static JsonNode hostileReport() throws IOException {
    return fixture("hostile-report.json");
  }

  /**
   * The samples' report for task shipping, with markup planted in a chosen few-shot example, a
   * conflicting answer, an off-topic conversation, a cluster example, a label value, a task name of
   * the task balance and a recommendation.
   */
  private static JsonNode hostileTranscripts() throws IOException {
    return fixture("hostile-transcripts.json");
  }

  private static JsonNode fixture(String name) throws IOException {
    try (InputStream in = ReportPageTest.class.getResourceAsStream("/ReportPageTest/" + name)) {
      return Json.mapper().readTree(in);
    }
  }

  @Test
  void markupFromTheDataIsShownAsText() throws IOException {
    String page = ReportPage.render(hostileReport());

    assertFalse(page.contains("<script"), "no script element may reach the page");
    assertFalse(page.contains("<img"), "no element from the data may reach the page");
    assertFalse(page.contains("<b>not_selected"));
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assertTrue(page.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"));
  }

  @Test
  void markupInTranscriptsConflictsAndOffTopicExamplesIsShownAsText() throws IOException {
    String page = ReportPage.render(hostileTranscripts());

    assertFalse(page.contains("<script"), "no script element may reach the page");
    assertFalse(page.contains("<img"), "no image element from the data");
    assertFalse(page.contains("<iframe"), "no frame from the data");
    assertFalse(page.contains("<b>user"), "no markup from a role");
    String script = "&lt;script&gt;alert(1)&lt;/script&gt;";
    String img = "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;";
    assertTrue(page.contains("Hi " + script + " where is my parcel?"), "few-shot user turn");
    assertTrue(page.contains("It left today " + img), "few-shot assistant turn");
    assertTrue(page.contains("&lt;b&gt;user&lt;/b&gt;"), "few-shot role");
    assertTrue(page.contains("do you deliver " + script), "conflicting question");
    assertTrue(page.contains("No " + img), "conflicting answer");
    assertTrue(page.contains("&lt;iframe src=&quot;https://example.com&quot;&gt;"), "answer");
    assertTrue(page.contains("what about " + script), "off-topic snippet");
    assertTrue(page.contains("logs/shipping/" + img + ".jsonl"), "off-topic file");
    assertTrue(page.contains("user: " + script + " / assistant: " + img), "cluster example");
    assertTrue(page.contains("Check " + script), "recommendation");
  }

  @Test
  void thePageForbidsScriptsAndNetworkRequests() throws IOException {
    String page = ReportPage.render(hostileReport());

    assertTrue(
        page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""));
  }

  @Test
  void showsTheSummaryEachTaskAndSectionsWithoutALayoutOfTheirOwn() throws IOException {
    ObjectNode report = (ObjectNode) hostileReport();
    report.putObject("extra").put("answer", 42);

    String page = ReportPage.render(report);

    assertTrue(page.contains("<section id=\"summary\">"));
    assertTrue(page.contains("Every record read is accounted for"));
    assertTrue(page.contains("id=\"task-tasks-script-alert-1-script-1a2b3c4d\""));
    assertTrue(page.contains("<h3>examples</h3>"), "a task field without a layout is still shown");
    assertTrue(page.contains("<h3>extra</h3>"), "a report section without a layout is still shown");
  }

  @Test
  void eachTaskSectionShowsTheDecisionCriteriaHistogramsBalanceEvidenceAndAdvice()
      throws IOException {
    String page = ReportPage.render(hostileTranscripts());

    assertTrue(page.contains("<h3 id=\"duplicates\">Duplicate clusters</h3>"));
    assertTrue(page.contains("Clusters by size (conversations)"));
    assertTrue(page.contains("<h4>Largest clusters</h4>"));
    assertTrue(page.contains("<div class=\"decision\"><p class=\"why\">"));
    assertTrue(page.contains("<h4>Few-shot bundle</h4>"));
    assertTrue(page.contains("<figcaption>The five criteria</figcaption>"));
    for (String criterion : CriteriaChart.NAMES) {
      assertTrue(page.contains("<div class=\"metric-card\"><h4>" + criterion), criterion);
    }
    assertTrue(page.contains("<span class=\"status warn\">! warn</span>"), "warn in words");
    assertTrue(page.contains("Turns per conversation"));
    assertTrue(page.contains("Tokens per conversation"));
    assertTrue(page.contains("<h3>Label balance</h3>"));
    assertTrue(page.contains("dominant"), "the dominant label value is named");
    assertTrue(page.contains("<h3>Chosen few-shot examples</h3>"));
    assertTrue(page.contains("<details class=\"example\">"), "examples fold without script");
    assertTrue(page.contains("<details class=\"conflict\">"));
    assertTrue(page.contains("<h3>Off-topic conversations</h3>"));
    assertTrue(page.contains("<ol class=\"advice\">"));
  }

  @Test
  void eachTaskSaysWhichModeScoredIt() throws IOException {
    ObjectNode report = (ObjectNode) hostileTranscripts();
    ObjectNode shipping = (ObjectNode) report.path("quality").path("byTask").path("shipping");

    shipping.put("mode", "semantic");
    assertTrue(ReportPage.render(report).contains("Scored in semantic mode: relevance and topic"));
    shipping.put("mode", "lexical");
    assertTrue(ReportPage.render(report).contains("Scored in lexical mode: relevance from TF-IDF"));
  }

  @Test
  void aFineTuningTaskShowsItsTokenStatisticsAndSplit() throws IOException {
    ObjectNode report = (ObjectNode) hostileTranscripts();
    ObjectNode task = (ObjectNode) report.path("tasks").get(0);
    ObjectNode train = task.putObject("tokens").putObject("train");
    train.put("examples", 239).put("min", 29).put("median", 170).put("p95", 233);
    train.put("max", 308).put("total", 40_130).put("epochs", 3).put("totalTimesEpochs", 120_390);
    ObjectNode split = task.putObject("split");
    split.putObject("byLabel").putObject("refund").put("train", 9).put("validation", 1);
    split.put("movedToTrain", 2);

    String page = ReportPage.render(report);

    assertTrue(page.contains("<h4>Fine-tuning files</h4>"));
    assertTrue(page.contains("<td class=\"num\">40,130</td>"));
    assertTrue(page.contains("120,390 <span class=\"muted\">(×3)</span>"));
    assertTrue(page.contains("Split by label (1)"));
    assertTrue(page.contains("2 validation examples moved to train"));
  }

  @Test
  void anUnbalancedRunIsSaidPlainly() throws IOException {
    ObjectNode report = (ObjectNode) hostileReport();
    ((ObjectNode) report.path("accounting")).put("balanced", false);

    assertTrue(ReportPage.render(report).contains("The record balance does not hold"));
  }

  @Test
  void longListsAreCut() throws IOException {
    ObjectNode report = (ObjectNode) hostileReport();
    ObjectNode reasons = ((ObjectNode) report.path("accounting")).putObject("filteredBy");
    for (int i = 0; i < BarChart.MAX_BARS + 7; i++) {
      reasons.put(String.format("reason_%03d", i), i + 1);
    }

    String page = ReportPage.render(report);

    assertTrue(page.contains("reason_049"));
    assertFalse(page.contains("reason_050"));
    assertTrue(page.contains("and 7 more"));
  }

  @Test
  void onlyTheLargestTasksGetASection() throws IOException {
    ObjectNode report = (ObjectNode) hostileReport();
    ArrayNode tasks = report.putArray("tasks");
    for (int i = 0; i < ReportPage.MAX_TASK_SECTIONS + 3; i++) {
      ObjectNode task = tasks.addObject();
      task.put("task", String.format("task-%03d", i));
      task.put("directory", String.format("tasks/task-%03d", i));
      task.put("decision", "few-shot");
      task.put("why", "few examples");
      task.put("read", 1_000 - i);
    }

    String page = ReportPage.render(report);

    assertTrue(page.contains("id=\"task-tasks-task-049\""));
    assertFalse(page.contains("id=\"task-tasks-task-050\""), "a smaller task has no section");
    assertTrue(page.contains(">task-052<"), "but it is listed");
    assertTrue(page.contains("Sections follow for the 50 tasks with the most records"));
  }

  @Test
  void theSameReportGivesTheSameBytes() throws IOException {
    assertEquals(ReportPage.render(hostileReport()), ReportPage.render(hostileReport()));
    assertEquals(ReportPage.render(hostileTranscripts()), ReportPage.render(hostileTranscripts()));
  }
}
