package dev.sift.transforms.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.transforms.json.Json;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ReportPageTest {

  private static JsonNode hostileReport() throws IOException {
    try (InputStream in =
        ReportPageTest.class.getResourceAsStream("/ReportPageTest/hostile-report.json")) {
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
  void thePageForbidsScriptsAndNetworkRequests() throws IOException {
    String page = ReportPage.render(hostileReport());

    assertTrue(
        page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""));
  }

  @Test
  void showsTheSummaryEachTaskAndSectionsWithoutALayoutOfTheirOwn() throws IOException {
    String page = ReportPage.render(hostileReport());

    assertTrue(page.contains("<section id=\"summary\">"));
    assertTrue(page.contains("Every record read is accounted for"));
    assertTrue(page.contains("id=\"task-tasks-script-alert-1-script-1a2b3c4d\""));
    assertTrue(page.contains("<h3>examples</h3>"), "a task field without a layout is still shown");
    assertTrue(page.contains("<h3>dedup</h3>"), "a report section without a layout is still shown");
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
  void theSameReportGivesTheSameBytes() throws IOException {
    assertEquals(ReportPage.render(hostileReport()), ReportPage.render(hostileReport()));
  }
}
