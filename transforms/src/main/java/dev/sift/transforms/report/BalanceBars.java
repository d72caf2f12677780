package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How conversations spread over the values of a label (or over tasks): bars largest first, the
 * dominant value marked amber and starved values (under half the fair share) red, each with the
 * word next to its name, at most {@value #MAX_VALUES} bars and the rest counted.
 */
final class BalanceBars {
  static final int MAX_VALUES = 12;

  private BalanceBars() {}

  /** A label field of the balanced criterion's metrics ({@code fields/<name>}). */
  static void field(Html html, String field, JsonNode metrics) {
    JsonNode counts = metrics.path("counts");
    html.raw("<div class=\"balance\"><h4>").text(field).raw("</h4><p class=\"facts\">");
    if (counts.size() == 0) {
      html.raw("no conversation has this label (")
          .raw(Html.count(metrics.path("missing").asLong()))
          .raw(" without it)</p></div>\n");
      return;
    }
    html.raw(Html.count(counts.size()))
        .raw(counts.size() == 1 ? " value" : " values")
        .raw(" · normalised entropy ")
        .text(metrics.path("normalisedEntropy"))
        .raw(" · max/min ")
        .text(metrics.path("maxMinRatio"))
        .raw(" · ")
        .raw(Html.count(metrics.path("missing").asLong()))
        .raw(" without a value");
    if (metrics.path("folded").asBoolean(false)) {
      html.raw(" · more values than counted one by one: folded into hash buckets (#n)");
    }
    html.raw("</p>");
    render(
        html,
        "Conversations by " + field,
        counts,
        metrics.path("dominant").path("value").asText(null),
        metrics.path("dominant").path("share"),
        metrics.path("starved"));
    html.raw("</div>\n");
  }

  /**
   * Bars of {@code counts}, the {@code dominant} one (may be null) and the {@code starved} ones (a
   * JSON array of names) marked.
   */
  static void render(
      Html html,
      String title,
      JsonNode counts,
      String dominant,
      JsonNode dominantShare,
      JsonNode starved) {
    Set<String> starvedNames = new HashSet<>();
    starved.forEach(name -> starvedNames.add(name.asText()));
    List<Map.Entry<String, JsonNode>> values = new ArrayList<>();
    counts.fields().forEachRemaining(values::add);
    values.sort(
        Comparator.comparingLong((Map.Entry<String, JsonNode> e) -> -e.getValue().asLong())
            .thenComparing(Map.Entry::getKey));
    List<BarChart.Bar> bars = new ArrayList<>();
    for (Map.Entry<String, JsonNode> value :
        values.subList(0, Math.min(MAX_VALUES, values.size()))) {
      String name = value.getKey();
      String kind = "";
      String note = "";
      if (name.equals(dominant)) {
        kind = "warn";
        note =
            "dominant"
                + (dominantShare.isNumber()
                    ? " (" + Html.percent(dominantShare.asDouble()) + ")"
                    : "");
      } else if (starvedNames.contains(name)) {
        kind = "fail";
        note = "starved";
      }
      bars.add(new BarChart.Bar(name, value.getValue().asLong(), kind, note));
    }
    BarChart.render(html, title, bars, values.size());
    if (values.size() > bars.size()) {
      long rest = 0;
      for (Map.Entry<String, JsonNode> value : values.subList(bars.size(), values.size())) {
        rest += value.getValue().asLong();
      }
      html.raw("<p class=\"none\">")
          .raw(Html.count(rest))
          .raw(" conversations in the smaller values not drawn")
          .raw(starvedNames.isEmpty() ? "" : "; starved: " + Html.count(starvedNames.size()))
          .raw("</p>");
    }
  }
}
