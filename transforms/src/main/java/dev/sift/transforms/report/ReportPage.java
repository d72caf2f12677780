package dev.sift.transforms.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders {@code report/index.html} from {@code report/quality-report.json}: one self-contained
 * page (inline CSS and SVG, no script, no network) that a reviewer reads to trust a run. The JSON
 * stays the source: the page shows what it holds, and a section of the JSON this class has no
 * special layout for is still shown, as nested tables. Every value from the data is HTML-escaped,
 * and the page's Content-Security-Policy forbids scripts and network requests, so a transcript
 * holding markup shows as text. The same JSON gives the same bytes. The page has no final line
 * break: whoever writes it ends the file with one.
 */
public final class ReportPage {
  /** Task fields with a layout of their own; the others go to the task's "More" table. */
  private static final Set<String> TASK_FIELDS_SHOWN =
      Set.of(
          "task",
          "directory",
          "decision",
          "why",
          "read",
          "kept",
          "balanced",
          "settings",
          "emitted",
          "filtered",
          "deadLettered",
          "anonymized",
          "outputs");

  /** Top-level fields with a layout of their own. */
  private static final Set<String> REPORT_FIELDS_SHOWN =
      Set.of("reportVersion", "accounting", "anonymization", "inputs", "tasks");

  /** Rows of one list shown at most, so that the page of a huge run stays small. */
  static final int MAX_ROWS = 50;

  private static final int BAR_WIDTH = 360;

  private final StringBuilder html = new StringBuilder(16_384);

  private ReportPage() {}

  public static String render(JsonNode report) {
    return new ReportPage().page(report);
  }

  private String page(JsonNode report) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Sift quality report</title>\n<style>")
        .append(Style.CSS)
        .append("</style>\n</head>\n<body>\n<main>\n<h1>Sift quality report</h1>\n");
    summary(report);
    JsonNode tasks = report.path("tasks");
    if (tasks.size() > 0) {
      html.append("<nav><h2>Tasks</h2><ul>");
      for (JsonNode task : tasks) {
        html.append("<li><a href=\"#")
            .append(anchor(task))
            .append("\">")
            .append(text(task.path("task")))
            .append("</a> ")
            .append(decisionBadge(task.path("decision").asText()))
            .append("</li>");
      }
      html.append("</ul></nav>\n");
    }
    for (JsonNode task : tasks) {
      task(task);
    }
    Map<String, JsonNode> others = fieldsExcept(report, REPORT_FIELDS_SHOWN);
    if (!others.isEmpty()) {
      html.append("<section id=\"more\"><h2>More from the report</h2>");
      others.forEach(this::namedValue);
      html.append("</section>\n");
    }
    html.append("<footer>Rendered from <code>quality-report.json</code> (report version ")
        .append(text(report.path("reportVersion")))
        .append("). Every number on this page is in that file.</footer>\n")
        .append("</main>\n</body>\n</html>");
    return html.toString();
  }

  private void summary(JsonNode report) {
    JsonNode accounting = report.path("accounting");
    html.append("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">");
    card("read", accounting.path("read"));
    card("emitted", accounting.path("emitted"));
    card("filtered", accounting.path("filtered"));
    card("dead-lettered", accounting.path("deadLettered"));
    html.append("</div>\n");
    boolean balanced = accounting.path("balanced").asBoolean(false);
    html.append("<p class=\"")
        .append(balanced ? "pass" : "fail")
        .append("\">")
        .append(
            balanced
                ? "Every record read is accounted for: emitted, filtered or dead-lettered."
                : "The record balance does not hold: some records read are not accounted for.")
        .append("</p>\n<div class=\"grid\">");
    chart("Inputs by format", report.path("inputs").path("recordsByFormat"));
    chart("Emitted by output", accounting.path("emittedBy"));
    chart("Filtered by reason", accounting.path("filteredBy"));
    chart("Dead letters by reason", accounting.path("deadLetteredBy"));
    chart(
        "Personal data and secrets replaced, by type",
        report.path("anonymization").path("replaced"));
    html.append("</div>\n");
    JsonNode operators = report.path("anonymization").path("operators");
    if (operators.size() > 0) {
      html.append("<details><summary>Replacement per type</summary>");
      table(operators);
      html.append("</details>\n");
    }
    html.append("</section>\n");
  }

  private void task(JsonNode task) {
    html.append("<section class=\"task\" id=\"")
        .append(anchor(task))
        .append("\">\n<h2>Task ")
        .append(text(task.path("task")))
        .append(' ')
        .append(decisionBadge(task.path("decision").asText()))
        .append("</h2>\n<p class=\"why\">")
        .append(text(task.path("why")))
        .append("</p>\n<div class=\"cards\">");
    card("read", task.path("read"));
    card("kept", task.path("kept"));
    html.append("</div>\n<div class=\"grid\">");
    chart("Emitted", task.path("emitted"));
    chart("Filtered by reason", task.path("filtered"));
    chart("Dead letters by reason", task.path("deadLettered"));
    chart("Replaced, by type", task.path("anonymized"));
    html.append("</div>\n");
    if (task.path("outputs").size() > 0) {
      html.append("<p>Outputs: ");
      List<String> files = new ArrayList<>();
      task.path("outputs").forEach(file -> files.add("<code>" + text(file) + "</code>"));
      html.append(String.join(", ", files)).append("</p>\n");
    }
    Map<String, JsonNode> others = fieldsExcept(task, TASK_FIELDS_SHOWN);
    others.forEach(this::namedValue);
    if (task.path("settings").size() > 0) {
      html.append("<details><summary>Settings</summary>");
      table(task.path("settings"));
      html.append("</details>\n");
    }
    html.append("</section>\n");
  }

  private void card(String label, JsonNode value) {
    html.append("<div class=\"card\"><span class=\"n\">")
        .append(number(value))
        .append("</span><span class=\"l\">")
        .append(escapeHtml4(label))
        .append("</span></div>");
  }

  /** A horizontal bar chart of the counts of {@code counts} (name to number), in SVG. */
  private void chart(String title, JsonNode counts) {
    html.append("<figure><figcaption>").append(escapeHtml4(title)).append("</figcaption>");
    if (counts.size() == 0) {
      html.append("<p class=\"none\">none</p></figure>\n");
      return;
    }
    Map<String, Long> bars = new LinkedHashMap<>();
    counts.fields().forEachRemaining(field -> bars.put(field.getKey(), field.getValue().asLong()));
    long max = Math.max(1, bars.values().stream().mapToLong(Long::longValue).max().orElse(1));
    int rows = Math.min(bars.size(), MAX_ROWS);
    int rowHeight = 22;
    html.append("<svg role=\"img\" viewBox=\"0 0 ")
        .append(BAR_WIDTH + 260)
        .append(' ')
        .append(rows * rowHeight)
        .append("\" width=\"100%\">");
    int row = 0;
    for (Map.Entry<String, Long> bar : bars.entrySet()) {
      if (row == rows) {
        break;
      }
      int y = row * rowHeight;
      long width = Math.max(1, Math.round((double) BAR_WIDTH * bar.getValue() / max));
      html.append("<text x=\"0\" y=\"")
          .append(y + 15)
          .append("\">")
          .append(escapeHtml4(shorten(bar.getKey())))
          .append("</text><rect x=\"180\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(width)
          .append("\" height=\"16\"/><text x=\"")
          .append(186 + width)
          .append("\" y=\"")
          .append(y + 15)
          .append("\">")
          .append(String.format(Locale.ROOT, "%,d", bar.getValue()))
          .append("</text>");
      row++;
    }
    html.append("</svg>");
    if (bars.size() > rows) {
      html.append("<p class=\"none\">and ").append(bars.size() - rows).append(" more</p>");
    }
    html.append("</figure>\n");
  }

  /** A section of the JSON without a layout of its own, under its name. */
  private void namedValue(String name, JsonNode value) {
    html.append("<h3>").append(escapeHtml4(name)).append("</h3>");
    value(value);
  }

  private void value(JsonNode value) {
    if (value.isObject()) {
      table(value);
    } else if (value.isArray()) {
      html.append("<ol>");
      int shown = 0;
      for (JsonNode item : value) {
        if (shown++ == MAX_ROWS) {
          html.append("<li class=\"none\">and ")
              .append(value.size() - MAX_ROWS)
              .append(" more</li>");
          break;
        }
        html.append("<li>");
        value(item);
        html.append("</li>");
      }
      html.append("</ol>");
    } else {
      html.append("<span class=\"v\">").append(text(value)).append("</span>");
    }
  }

  private void table(JsonNode object) {
    html.append("<table>");
    int shown = 0;
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (shown++ == MAX_ROWS) {
        html.append("<tr><td colspan=\"2\" class=\"none\">and ")
            .append(object.size() - MAX_ROWS)
            .append(" more</td></tr>");
        break;
      }
      html.append("<tr><th>").append(escapeHtml4(field.getKey())).append("</th><td>");
      value(field.getValue());
      html.append("</td></tr>");
    }
    html.append("</table>\n");
  }

  private static Map<String, JsonNode> fieldsExcept(JsonNode object, Set<String> shown) {
    Map<String, JsonNode> others = new LinkedHashMap<>();
    object
        .fields()
        .forEachRemaining(
            field -> {
              if (!shown.contains(field.getKey())) {
                others.put(field.getKey(), field.getValue());
              }
            });
    return others;
  }

  private static String decisionBadge(String decision) {
    String kind = decision.isEmpty() ? "none" : decision.replaceAll("[^a-z-]", "");
    return "<span class=\"badge "
        + kind
        + "\">"
        + escapeHtml4(decision.isEmpty() ? "no decision" : decision)
        + "</span>";
  }

  /** An id for a task's section: its output folder, which is unique and safe in a URL. */
  private static String anchor(JsonNode task) {
    String directory = task.path("directory").asText(task.path("task").asText());
    return "task-" + escapeHtml4(directory.replaceAll("[^A-Za-z0-9._-]", "-"));
  }

  private static String number(JsonNode value) {
    return value.isIntegralNumber()
        ? String.format(Locale.ROOT, "%,d", value.asLong())
        : escapeHtml4(value.asText("–"));
  }

  private static String text(JsonNode value) {
    return escapeHtml4(value.isValueNode() ? value.asText() : value.toString());
  }

  private static String shorten(String label) {
    return label.length() <= 28 ? label : label.substring(0, 27) + "…";
  }

  /** The page's style sheet; kept apart so the layout code above stays readable. */
  private static final class Style {
    static final String CSS =
        """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;\
        color:#1d2330;background:#f6f7f9}
        main{max-width:1100px;margin:0 auto;padding:24px}
        h1{font-size:26px;margin:0 0 16px}h2{font-size:20px;margin:0 0 12px}h3{font-size:16px}
        section,nav{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:16px 20px;\
        margin:0 0 20px}
        nav ul{margin:0;padding-left:20px}
        .cards{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:12px}
        .card{border:1px solid #dde1e7;border-radius:6px;padding:8px 14px;min-width:110px}
        .card .n{display:block;font-size:22px;font-weight:600}.card .l{color:#5b6475}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:12px}
        figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}
        svg text{font-size:13px;fill:#1d2330}svg rect{fill:#4c72b0}
        .none{color:#8a93a3;margin:0}
        .pass{color:#1e7b34}.warn{color:#9a6700}.fail{color:#b42318;font-weight:600}
        .badge{font-size:13px;border-radius:10px;padding:2px 9px;background:#e8ebf0;\
        vertical-align:middle}
        .badge.fine-tune{background:#d3f0dc}.badge.few-shot{background:#dbe7fb}\
        .badge.both{background:#ece0fb}
        .why{font-size:16px}
        table{border-collapse:collapse;margin:4px 0}th,td{text-align:left;vertical-align:top;\
        padding:3px 10px 3px 0;border-bottom:1px solid #eef0f3}th{font-weight:500;color:#5b6475}
        code{font-size:13px}footer{color:#5b6475;font-size:13px}
        """;
  }
}
