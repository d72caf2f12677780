package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What deduplication found ({@code dedup}): clusters and duplicates filtered, the histogram of
 * cluster sizes, duplicates per task and the largest clusters with an example each.
 */
final class DuplicatesSection {
  private DuplicatesSection() {}

  static void render(Html html, JsonNode dedup) {
    html.raw("<h3 id=\"duplicates\">Duplicate clusters</h3><div class=\"cards\">");
    SummarySection.card(html, "clusters", dedup.path("clusters"));
    SummarySection.card(html, "exact duplicates", dedup.path("exactDuplicates"));
    SummarySection.card(html, "near duplicates", dedup.path("nearDuplicates"));
    if (dedup.path("unsettledNodes").asLong() > 0) {
      SummarySection.card(html, "unsettled (kept)", dedup.path("unsettledNodes"));
    }
    html.raw("</div>\n<div class=\"grid\">");
    Histogram.render(
        html,
        "Clusters by size (conversations)",
        "conversations",
        dedup.path("clusterSizes"),
        "clusters");
    byTask(html, dedup.path("byTask"));
    html.raw("</div>\n");
    largest(html, dedup.path("largestClusters"));
    JsonNode settings = dedup.path("settings");
    if (settings.size() > 0) {
      html.raw("<details><summary>Deduplication settings</summary>");
      JsonTable.table(html, settings);
      html.raw("</details>\n");
    }
  }

  private static void byTask(Html html, JsonNode byTask) {
    html.raw("<figure><figcaption>Duplicates by task</figcaption>");
    if (byTask.size() == 0) {
      html.raw("<p class=\"none\">none</p></figure>\n");
      return;
    }
    html.raw(
            "<table class=\"list\"><tr><th>task</th><th class=\"num\">clusters</th><th class=\"num\">exact</th>")
        .raw("<th class=\"num\">near</th></tr>");
    int shown = 0;
    for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) byTask::fields) {
      if (shown++ == JsonTable.MAX_ROWS) {
        break;
      }
      JsonNode counts = entry.getValue();
      html.raw("<tr><th>").text(entry.getKey()).raw("</th>");
      for (String field : new String[] {"clusters", "exactDuplicates", "nearDuplicates"}) {
        html.raw("<td class=\"num\">").text(counts.path(field)).raw("</td>");
      }
      html.raw("</tr>");
    }
    html.raw("</table>");
    if (byTask.size() > JsonTable.MAX_ROWS) {
      html.raw("<p class=\"none\">and ")
          .raw(Html.count(byTask.size() - JsonTable.MAX_ROWS))
          .raw(" more tasks</p>");
    }
    html.raw("</figure>\n");
  }

  private static void largest(Html html, JsonNode clusters) {
    if (clusters.size() == 0) {
      return;
    }
    html.raw(
            "<h4>Largest clusters</h4><table class=\"list clusters\"><tr><th>size</th><th>task</th>")
        .raw("<th>exact / near</th><th>example (the conversation kept)</th></tr>");
    int shown = 0;
    for (JsonNode cluster : clusters) {
      if (shown++ == JsonTable.MAX_ROWS) {
        break;
      }
      html.raw("<tr><td class=\"num\">")
          .text(cluster.path("size"))
          .raw("</td><td>")
          .text(cluster.path("task"))
          .raw("</td><td class=\"num\">")
          .text(cluster.path("exactDuplicates"))
          .raw(" / ")
          .text(cluster.path("nearDuplicates"))
          .raw("</td><td class=\"quote\">")
          .text(cluster.path("example"))
          .raw("<br><code class=\"id\">")
          .text(cluster.path("representative"))
          .raw("</code></td></tr>");
    }
    html.raw("</table>\n");
  }
}
