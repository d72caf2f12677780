package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders {@code report/index.html} from {@code report/quality-report.json}: one self-contained
 * page (inline CSS and SVG, no script, no network) that a reviewer reads to trust a run. The JSON
 * stays the source: the page shows what it holds ({@link SummarySection}, then a {@link
 * TaskSection} per task), and a section of the JSON without a layout of its own is still shown, as
 * nested tables. Every value from the data is HTML-escaped ({@link Html}), and the page's
 * Content-Security-Policy forbids scripts and network requests, so a transcript holding markup
 * shows as text. Every list is cut, so that the page of a huge run stays small: the tasks index at
 * {@value #MAX_TASKS_LISTED} tasks and the task sections at {@value #MAX_TASK_SECTIONS}, those of
 * the tasks with the most records. The same JSON gives the same bytes. The page has no final line
 * break: whoever writes it ends the file with one.
 */
public final class ReportPage {
  static final int MAX_TASKS_LISTED = 200;
  static final int MAX_TASK_SECTIONS = 50;

  /** Top-level fields with a layout of their own. */
  private static final Set<String> REPORT_FIELDS_SHOWN =
      Set.of("reportVersion", "accounting", "anonymization", "inputs", "tasks", "dedup", "quality");

  private ReportPage() {}

  public static String render(JsonNode report) {
    Html html = new Html();
    html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .raw("style-src 'unsafe-inline'; img-src data:\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<title>Sift quality report</title>\n<style>")
        .raw(Style.CSS)
        .raw("</style>\n</head>\n<body>\n<main>\n<header><h1>Sift quality report</h1><p>")
        .raw(Html.count(report.path("accounting").path("read").asLong()))
        .raw(" records read · ")
        .raw(Html.count(report.path("tasks").size()))
        .raw(report.path("tasks").size() == 1 ? " task" : " tasks")
        .raw("</p></header>\n");
    SummarySection.render(html, report);
    JsonNode tasks = report.path("tasks");
    Set<String> detailed = detailed(tasks);
    if (tasks.size() > 0) {
      index(html, report, detailed);
    }
    JsonNode qualityByTask = report.path("quality").path("byTask");
    JsonNode qualitySettings = report.path("quality").path("settings");
    JsonNode duplicatesByTask = report.path("dedup").path("byTask");
    for (JsonNode task : tasks) {
      String name = task.path("task").asText();
      if (detailed.contains(name)) {
        TaskSection.render(
            html, task, qualityByTask.path(name), duplicatesByTask.path(name), qualitySettings);
      }
    }
    Map<String, JsonNode> others = JsonTable.fieldsExcept(report, REPORT_FIELDS_SHOWN);
    html.raw("<section id=\"more\"><h2>Settings and more</h2>");
    if (qualitySettings.size() > 0) {
      html.raw("<details><summary>Quality settings</summary>");
      JsonTable.table(html, qualitySettings);
      html.raw("</details>\n");
    }
    others.forEach((name, value) -> JsonTable.named(html, name, value));
    html.raw("</section>\n<footer>Rendered from <code>quality-report.json</code> (report version ")
        .text(report.path("reportVersion"))
        .raw("). Every number on this page is in that file.</footer>\n")
        .raw("</main>\n</body>\n</html>");
    return html.toString();
  }

  /** The tasks that get a section: the {@value #MAX_TASK_SECTIONS} with the most records read. */
  private static Set<String> detailed(JsonNode tasks) {
    List<JsonNode> all = new ArrayList<>();
    tasks.forEach(all::add);
    all.sort(
        Comparator.comparingLong((JsonNode t) -> -t.path("read").asLong())
            .thenComparing(t -> t.path("task").asText()));
    Set<String> names = new HashSet<>();
    for (JsonNode task : all.subList(0, Math.min(MAX_TASK_SECTIONS, all.size()))) {
      names.add(task.path("task").asText());
    }
    return names;
  }

  /** The tasks at a glance: decision, counts, score and the five verdicts, linked to sections. */
  private static void index(Html html, JsonNode report, Set<String> detailed) {
    JsonNode tasks = report.path("tasks");
    JsonNode byTask = report.path("quality").path("byTask");
    html.raw("<nav><h2>Tasks</h2><table class=\"list index\"><tr><th>task</th><th>decision</th>")
        .raw("<th>read</th><th>kept</th><th>emitted</th><th>score</th>");
    for (String criterion : CriteriaChart.NAMES) {
      html.raw("<th class=\"c\" title=\"").raw(criterion).raw("\">").raw(criterion).raw("</th>");
    }
    html.raw("</tr>");
    int shown = 0;
    for (JsonNode task : tasks) {
      if (shown++ == MAX_TASKS_LISTED) {
        break;
      }
      String name = task.path("task").asText();
      JsonNode quality = byTask.path(name);
      html.raw("<tr><th>");
      if (detailed.contains(name)) {
        html.raw("<a href=\"#").raw(TaskSection.anchor(task)).raw("\">").text(name).raw("</a>");
      } else {
        html.text(name);
      }
      long emitted = 0;
      for (JsonNode n : task.path("emitted")) {
        emitted += n.asLong();
      }
      html.raw("</th><td>")
          .raw(TaskSection.decisionBadge(task.path("decision").asText()))
          .raw("</td><td class=\"num\">")
          .text(task.path("read"))
          .raw("</td><td class=\"num\">")
          .text(task.path("kept"))
          .raw("</td><td class=\"num\">")
          .raw(Html.count(emitted))
          .raw("</td><td class=\"num\">")
          .text(quality.path("score"))
          .raw("</td>");
      for (String criterion : CriteriaChart.NAMES) {
        String status = quality.path("criteria").path(criterion).path("status").asText("");
        html.raw("<td class=\"c\">").raw(Status.badge(status)).raw("</td>");
      }
      html.raw("</tr>");
    }
    html.raw("</table>");
    if (tasks.size() > MAX_TASKS_LISTED) {
      html.raw("<p class=\"none\">and ")
          .raw(Html.count(tasks.size() - MAX_TASKS_LISTED))
          .raw(" more tasks, in quality-report.json</p>");
    }
    if (tasks.size() > detailed.size()) {
      html.raw("<p class=\"none\">Sections follow for the ")
          .raw(Html.count(detailed.size()))
          .raw(" tasks with the most records; the others are in quality-report.json.</p>");
    }
    html.raw("</nav>\n");
  }
}
