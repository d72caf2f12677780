package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A task's five criteria: a bullet chart in inline SVG (each score on a 0-1 track shaded fail, warn
 * and pass by {@code quality.warn} and {@code quality.pass}, the bar coloured by its verdict and
 * labelled with the score and the verdict in words), then the metrics behind each criterion.
 */
final class CriteriaChart {
  static final List<String> NAMES =
      List.of("representative", "diverse", "balanced", "consistent", "relevant");

  private static final int LABEL = 130;
  private static final int TRACK = 380;
  private static final int ROW = 30;
  private static final int HEAD = 22;

  private CriteriaChart() {}

  static void render(Html html, JsonNode criteria, double pass, double warn) {
    html.raw("<figure class=\"criteria\"><figcaption>The five criteria</figcaption>")
        .raw("<svg role=\"img\" viewBox=\"0 0 ")
        .raw(LABEL + TRACK + 140)
        .raw(" ")
        .raw(HEAD + NAMES.size() * ROW)
        .raw("\" width=\"")
        .raw(LABEL + TRACK + 140)
        .raw("\" height=\"")
        .raw(HEAD + NAMES.size() * ROW)
        .raw("\"><title>Scores of the five criteria, with the warn and pass")
        .raw(" thresholds</title>");
    zone(html, 0, warn, "zone fail");
    zone(html, warn, pass, "zone warn");
    zone(html, pass, 1, "zone pass");
    threshold(html, warn, "warn ");
    threshold(html, pass, "pass ");
    for (int i = 0; i < NAMES.size(); i++) {
      String name = NAMES.get(i);
      JsonNode criterion = criteria.path(name);
      String status = criterion.path("status").asText("");
      int y = HEAD + i * ROW;
      html.raw("<g class=\"")
          .raw(Status.kind(status))
          .raw("\"><text class=\"label\" x=\"")
          .raw(LABEL - 10)
          .raw("\" y=\"")
          .raw(y + 19)
          .raw("\">")
          .raw(name)
          .raw("</text>");
      JsonNode score = criterion.path("score");
      if (score.isNumber()) {
        double clamped = Math.max(0, Math.min(1, score.asDouble()));
        html.raw("<rect class=\"score\" x=\"")
            .raw(LABEL)
            .raw("\" y=\"")
            .raw(y + 8)
            .raw("\" width=\"")
            .raw(Html.decimal(Math.max(2, TRACK * clamped)))
            .raw("\" height=\"14\" rx=\"2\"><title>")
            .raw(name)
            .raw(": ")
            .raw(Html.decimal(score.asDouble()))
            .raw(", ")
            .raw(Status.label(status))
            .raw("</title></rect>");
      }
      html.raw("<text class=\"verdict\" x=\"")
          .raw(LABEL + TRACK + 10)
          .raw("\" y=\"")
          .raw(y + 19)
          .raw("\">")
          .raw(score.isNumber() ? Html.decimal(score.asDouble()) + "  " : "")
          .raw(Status.label(status))
          .raw("</text></g>");
    }
    html.raw("</svg></figure>\n<div class=\"metrics\">");
    for (String name : NAMES) {
      metrics(html, name, criteria.path(name));
    }
    html.raw("</div>\n");
  }

  private static void zone(Html html, double from, double to, String kind) {
    if (to <= from) {
      return;
    }
    html.raw("<rect class=\"")
        .raw(kind)
        .raw("\" x=\"")
        .raw(Html.decimal(LABEL + TRACK * from))
        .raw("\" y=\"")
        .raw(HEAD)
        .raw("\" width=\"")
        .raw(Html.decimal(TRACK * (to - from)))
        .raw("\" height=\"")
        .raw(NAMES.size() * ROW)
        .raw("\"/>");
  }

  private static void threshold(Html html, double at, String label) {
    String x = Html.decimal(LABEL + TRACK * at);
    html.raw("<line class=\"threshold\" x1=\"")
        .raw(x)
        .raw("\" x2=\"")
        .raw(x)
        .raw("\" y1=\"")
        .raw(HEAD - 4)
        .raw("\" y2=\"")
        .raw(HEAD + NAMES.size() * ROW)
        .raw("\"/><text class=\"tick\" x=\"")
        .raw(x)
        .raw("\" y=\"")
        .raw(HEAD - 8)
        .raw("\">")
        .raw(label)
        .raw(Html.decimal(at))
        .raw("</text>");
  }

  /** One criterion's card: its verdict, why it was not measured, and its metrics. */
  private static void metrics(Html html, String name, JsonNode criterion) {
    html.raw("<div class=\"metric-card\"><h4>")
        .raw(name)
        .raw(' ' + Status.badge(criterion.path("status").asText("")))
        .raw("</h4>");
    if (criterion.has("why")) {
      html.raw("<p class=\"none\">").text(criterion.path("why")).raw("</p>");
    }
    html.raw("<table class=\"kv\">");
    rows(html, "", criterion.path("metrics"), 0);
    html.raw("</table></div>");
  }

  /**
   * The metrics as rows; nested objects (a label field's metrics) as rows prefixed with their name,
   * two levels deep. Lists and counts by value are left to the balance bars.
   */
  private static void rows(Html html, String prefix, JsonNode metrics, int depth) {
    for (Map.Entry<String, JsonNode> metric : iterable(metrics)) {
      JsonNode value = metric.getValue();
      if (value.isObject()) {
        if (depth < 2 && !metric.getKey().equals("counts") && !metric.getKey().equals("dominant")) {
          rows(html, depth == 0 ? "" : prefix + metric.getKey() + " · ", value, depth + 1);
        }
      } else if (!value.isArray()) {
        html.raw("<tr><th>")
            .text(prefix + metric.getKey())
            .raw("</th><td>")
            .text(value)
            .raw("</td></tr>");
      }
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
