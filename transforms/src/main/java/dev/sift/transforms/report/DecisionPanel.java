package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A task's decision and why, with the numbers behind it: kept conversations against {@code
 * fineTuneMinExamples}, the train/validation split, the fine-tuning files' token statistics and the
 * few-shot bundle's summary (from the task outputs of the emit stage).
 */
final class DecisionPanel {
  /** Strata of the split shown at most: the largest. */
  static final int MAX_STRATA = 20;

  private DecisionPanel() {}

  static void render(Html html, JsonNode task) {
    html.raw("<div class=\"decision\"><p class=\"why\">").text(task.path("why")).raw("</p>");
    JsonNode settings = task.path("settings");
    long kept = task.path("kept").asLong();
    long needed = settings.path("fineTuneMinExamples").asLong();
    if (needed > 0) {
      double share = Math.min(1, (double) kept / needed);
      html.raw("<div class=\"meter\" title=\"kept conversations against fineTuneMinExamples\">")
          .raw("<svg viewBox=\"0 0 300 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">")
          .raw("<rect class=\"track\" width=\"300\" height=\"10\" rx=\"5\"/><rect class=\"")
          .raw(kept >= needed ? "pass" : "warn")
          .raw("\" width=\"")
          .raw(Html.decimal(300 * share))
          .raw("\" height=\"10\" rx=\"5\"/></svg><span>")
          .raw(Html.count(kept))
          .raw(" kept of the ")
          .raw(Html.count(needed))
          .raw(" fine-tuning needs (fineTuneMinExamples)</span></div>");
    }
    html.raw("<div class=\"grid\">");
    if (task.has("split") || task.has("tokens")) {
      fineTuning(html, task.path("split"), task.path("tokens"));
    }
    if (task.has("fewShot")) {
      bundle(html, task.path("fewShot"), settings);
    }
    html.raw("</div></div>\n");
  }

  private static void fineTuning(Html html, JsonNode split, JsonNode tokens) {
    html.raw("<div class=\"panel\"><h4>Fine-tuning files</h4>");
    if (tokens.size() > 0) {
      html.raw(
              "<table class=\"list\"><tr><th></th><th class=\"num\">examples</th><th class=\"num\">min</th>")
          .raw("<th class=\"num\">median</th>")
          .raw("<th class=\"num\">p95</th><th class=\"num\">max</th><th class=\"num\">tokens</th>")
          .raw("<th class=\"num\">× epochs</th></tr>");
      tokens
          .fields()
          .forEachRemaining(
              file -> {
                JsonNode stats = file.getValue();
                html.raw("<tr><th>").text(file.getKey()).raw("</th>");
                for (String field : List.of("examples", "min", "median", "p95", "max", "total")) {
                  html.raw("<td class=\"num\">").text(stats.path(field)).raw("</td>");
                }
                html.raw("<td class=\"num\">")
                    .text(stats.path("totalTimesEpochs"))
                    .raw(" <span class=\"muted\">(×")
                    .text(stats.path("epochs"))
                    .raw(")</span></td></tr>");
              });
      html.raw("</table>");
    }
    if (split.has("counts")) {
      JsonNode counts = split.path("counts");
      html.raw("<p>Split: ")
          .text(counts.path("train"))
          .raw(" train, ")
          .text(counts.path("validation"))
          .raw(" validation, ")
          .text(counts.path("capped"))
          .raw(" over the label cap.</p>");
    }
    if (split.has("byLabel")) {
      strata(html, split.path("byLabel"));
    }
    if (split.has("movedToTrain")) {
      html.raw("<p>")
          .text(split.path("movedToTrain"))
          .raw(" validation examples moved to train as near duplicates of training ones.</p>");
    }
    html.raw("</div>");
  }

  /** The split per label, largest strata first. */
  private static void strata(Html html, JsonNode byLabel) {
    List<Map.Entry<String, JsonNode>> strata = new ArrayList<>();
    byLabel.fields().forEachRemaining(strata::add);
    strata.sort(
        Comparator.comparingLong((Map.Entry<String, JsonNode> s) -> -size(s.getValue()))
            .thenComparing(Map.Entry::getKey));
    html.raw("<details><summary>Split by label (")
        .raw(Html.count(strata.size()))
        .raw(")</summary><table class=\"list\"><tr><th>label</th><th>train</th>")
        .raw("<th>validation</th><th>capped</th></tr>");
    for (Map.Entry<String, JsonNode> stratum :
        strata.subList(0, Math.min(MAX_STRATA, strata.size()))) {
      JsonNode counts = stratum.getValue();
      html.raw("<tr><th>").text(stratum.getKey()).raw("</th>");
      for (String side : List.of("train", "validation", "capped")) {
        html.raw("<td class=\"num\">").text(counts.path(side)).raw("</td>");
      }
      html.raw("</tr>");
    }
    html.raw("</table>");
    if (strata.size() > MAX_STRATA) {
      html.raw("<p class=\"none\">and ")
          .raw(Html.count(strata.size() - MAX_STRATA))
          .raw(" smaller labels</p>");
    }
    html.raw("</details>");
  }

  private static long size(JsonNode counts) {
    return counts.path("train").asLong()
        + counts.path("validation").asLong()
        + counts.path("capped").asLong();
  }

  private static void bundle(Html html, JsonNode fewShot, JsonNode settings) {
    JsonNode criteria = fewShot.path("criteria");
    html.raw("<div class=\"panel\"><h4>Few-shot bundle</h4><table class=\"kv\">")
        .raw("<tr><th>examples</th><td>")
        .text(fewShot.path("examples"))
        .raw(" of fewShotK ")
        .text(settings.path("fewShotK"))
        .raw(", from ")
        .text(criteria.path("candidates"))
        .raw(" candidates</td></tr><tr><th>tokens</th><td>")
        .text(fewShot.path("tokens"))
        .raw(" of a budget of ")
        .text(fewShot.path("tokenBudget"))
        .raw("</td></tr><tr><th>system prompt</th><td>")
        .raw(fewShot.path("systemPrompt").asBoolean(false) ? "the task's own" : "none")
        .raw("</td></tr>");
    for (String metric :
        List.of(
            "meanQuality",
            "representativeness",
            "diversity",
            "topicCoverage",
            "lengthDivergence",
            "topicDivergence")) {
      if (criteria.has(metric)) {
        html.raw("<tr><th>").raw(metric).raw("</th><td>").text(criteria.path(metric));
        if (metric.equals("topicCoverage")) {
          html.raw(" <span class=\"muted\">(")
              .text(criteria.path("topicCellsCovered"))
              .raw(" of ")
              .text(criteria.path("topicCellsPresent"))
              .raw(" topic cells)</span>");
        }
        html.raw("</td></tr>");
      }
    }
    html.raw("</table></div>");
  }
}
