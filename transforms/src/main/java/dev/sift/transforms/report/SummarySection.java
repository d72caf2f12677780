package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The run at a glance: where every record read ended (the balance), inputs by format, emitted,
 * filtered and dead-lettered by reason, personal data replaced by type, duplicate clusters, and how
 * the kept conversations spread over tasks.
 */
final class SummarySection {
  private SummarySection() {}

  static void render(Html html, JsonNode report) {
    JsonNode accounting = report.path("accounting");
    html.raw("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">");
    card(html, "read", accounting.path("read"));
    card(html, "emitted", accounting.path("emitted"));
    card(html, "filtered", accounting.path("filtered"));
    card(html, "dead-lettered", accounting.path("deadLettered"));
    html.raw("</div>\n");
    boolean balanced = accounting.path("balanced").asBoolean(false);
    html.raw("<p class=\"status ")
        .raw(
            balanced
                ? "pass\">✓ Every record read is accounted for: emitted, filtered or"
                : "fail\">✗ The record balance does not hold: some records read are not accounted for")
        .raw(balanced ? " dead-lettered." : ".")
        .raw("</p>\n");
    balanceBar(html, accounting);
    html.raw("<div class=\"grid\">");
    BarChart.render(html, "Inputs by format", report.path("inputs").path("recordsByFormat"));
    BarChart.render(html, "Emitted by output", accounting.path("emittedBy"));
    BarChart.render(html, "Filtered by reason", accounting.path("filteredBy"));
    BarChart.render(html, "Dead letters by reason", accounting.path("deadLetteredBy"));
    BarChart.render(
        html,
        "Personal data and secrets replaced, by type",
        report.path("anonymization").path("replaced"));
    html.raw("</div>\n");
    JsonNode operators = report.path("anonymization").path("operators");
    if (operators.size() > 0) {
      html.raw("<details><summary>Replacement per type</summary>");
      JsonTable.table(html, operators);
      html.raw("</details>\n");
    }
    if (report.has("dedup")) {
      DuplicatesSection.render(html, report.path("dedup"));
    }
    JsonNode balance = report.path("quality").path("taskBalance");
    if (balance.path("kept").size() > 0) {
      taskBalance(html, balance);
    }
    html.raw("</section>\n");
  }

  /** One stacked bar: emitted, filtered and dead-lettered as shares of the records read. */
  private static void balanceBar(Html html, JsonNode accounting) {
    long read = accounting.path("read").asLong();
    if (read == 0) {
      return;
    }
    String[][] parts = {
      {"emitted", "emitted"}, {"filtered", "filtered"}, {"deadLettered", "dead-lettered"}
    };
    html.raw("<figure class=\"stack\"><svg role=\"img\" viewBox=\"0 0 1000 18\"")
        .raw(" preserveAspectRatio=\"none\" width=\"100%\" height=\"18\"><title>Records read by")
        .raw(" where they ended</title>");
    double x = 0;
    for (String[] part : parts) {
      long n = accounting.path(part[0]).asLong();
      double width = 1000.0 * n / read;
      html.raw("<rect class=\"")
          .raw(part[0])
          .raw("\" x=\"")
          .raw(Html.decimal(x))
          .raw("\" width=\"")
          .raw(Html.decimal(width))
          .raw("\" height=\"18\"><title>")
          .raw(part[1])
          .raw(": ")
          .raw(Html.count(n))
          .raw("</title></rect>");
      x += width;
    }
    html.raw("</svg><figcaption class=\"legend\">");
    for (String[] part : parts) {
      long n = accounting.path(part[0]).asLong();
      html.raw("<span><i class=\"")
          .raw(part[0])
          .raw("\"></i>")
          .raw(part[1])
          .raw(' ' + Html.count(n) + " (" + Html.percent((double) n / read) + ")</span>");
    }
    html.raw("</figcaption></figure>\n");
  }

  private static void taskBalance(Html html, JsonNode balance) {
    html.raw("<h3>Balance over tasks ")
        .raw(Status.badge(balance.path("status").asText("")))
        .raw("</h3><p class=\"facts\">normalised entropy ")
        .text(balance.path("normalisedEntropy"))
        .raw(" · largest over smallest ")
        .text(balance.path("maxMinRatio"))
        .raw(" · ")
        .raw(Html.count(balance.path("starved").size()))
        .raw(" starved (under half the fair share)</p>");
    BalanceBars.render(
        html,
        "Kept conversations by task",
        balance.path("kept"),
        balance.path("dominant").path("task").asText(null),
        balance.path("dominant").path("share"),
        balance.path("starved"));
  }

  static void card(Html html, String label, JsonNode value) {
    html.raw("<div class=\"card\"><span class=\"n\">")
        .text(value)
        .raw("</span><span class=\"l\">")
        .text(label)
        .raw("</span></div>");
  }
}
