package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One task's section: the decision and why with its numbers, the task's counts, the five criteria,
 * length and token histograms, label balance, the chosen few-shot examples, conflicting answers,
 * off-topic conversations and recommendations. It reads the task's entry of {@code tasks} and of
 * {@code quality.byTask} and {@code dedup.byTask}.
 */
final class TaskSection {
  /** Task fields with a layout of their own; the others are shown as tables. */
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
          "outputs",
          "split",
          "tokens",
          "fewShot");

  private TaskSection() {}

  static void render(
      Html html, JsonNode task, JsonNode quality, JsonNode duplicates, JsonNode qualitySettings) {
    html.raw("<section class=\"task\" id=\"")
        .raw(anchor(task))
        .raw("\">\n<h2><span class=\"muted\">Task</span> ")
        .text(task.path("task"))
        .raw(' ' + decisionBadge(task.path("decision").asText()))
        .raw("</h2>\n");
    DecisionPanel.render(html, task);

    html.raw("<h3>Records</h3><div class=\"cards\">");
    SummarySection.card(html, "read", task.path("read"));
    SummarySection.card(html, "kept", task.path("kept"));
    SummarySection.card(html, "emitted", sum(task.path("emitted")));
    SummarySection.card(html, "filtered", sum(task.path("filtered")));
    SummarySection.card(html, "dead-lettered", sum(task.path("deadLettered")));
    if (!duplicates.isMissingNode()) {
      SummarySection.card(html, "duplicate clusters", duplicates.path("clusters"));
    }
    html.raw("</div>\n");
    if (!task.path("balanced").asBoolean(true)) {
      html.raw("<p class=\"status fail\">✗ The task's records do not balance: read ≠ emitted +")
          .raw(" filtered + dead-lettered.</p>\n");
    }
    html.raw("<div class=\"grid\">");
    BarChart.render(html, "Emitted by output", task.path("emitted"));
    BarChart.render(html, "Filtered by reason", task.path("filtered"));
    BarChart.render(html, "Dead letters by reason", task.path("deadLettered"));
    BarChart.render(html, "Personal data and secrets replaced, by type", task.path("anonymized"));
    html.raw("</div>\n");
    outputs(html, task.path("outputs"));

    if (!quality.isMissingNode()) {
      quality(html, quality, qualitySettings);
    }
    JsonNode chosen = task.path("fewShot").path("chosen");
    if (!chosen.isMissingNode()) {
      Transcripts.examples(
          html, chosen, task.path("fewShot").path("examples").asLong(), bundleFile(task));
    }
    if (!quality.isMissingNode()) {
      Transcripts.conflicts(
          html,
          quality.path("conflicts"),
          quality.at("/criteria/consistent/metrics/conflictingPairs").asLong());
      Transcripts.offTopic(
          html,
          quality.path("offTopic"),
          quality.at("/criteria/relevant/metrics/offTopic").asLong());
      recommendations(html, quality.path("recommendations"));
    }
    JsonTable.fieldsExcept(task, TASK_FIELDS_SHOWN)
        .forEach((name, value) -> JsonTable.named(html, name, value));
    html.raw("<details><summary>Settings in force</summary>");
    JsonTable.table(html, task.path("settings"));
    html.raw("</details>\n</section>\n");
  }

  /** Which signals scored the task, since relevance and topic figures mean different things. */
  static String modeText(String mode) {
    return switch (mode) {
      case "semantic" ->
          "Scored in semantic mode: relevance and topic clusters from sentence embeddings"
              + " (all-MiniLM-L6-v2).";
      case "lexical" ->
          "Scored in lexical mode: relevance from TF-IDF similarity, topics from SimHash cells.";
      default -> "Scoring mode not recorded.";
    };
  }

  private static void quality(Html html, JsonNode quality, JsonNode settings) {
    html.raw("<h3>Quality <span class=\"muted\">score ")
        .text(quality.path("score"))
        .raw(" · mean conversation score ")
        .text(quality.path("meanConversationScore"))
        .raw("</span></h3>\n<p class=\"facts\">")
        .raw(modeText(quality.path("mode").asText()))
        .raw("</p>\n");
    CriteriaChart.render(
        html,
        quality.path("criteria"),
        settings.path("pass").asDouble(0.8),
        settings.path("warn").asDouble(0.6));
    JsonNode tokens = quality.path("tokens");
    JsonNode distributions = quality.path("distributions");
    html.raw("<h3>Length</h3><p class=\"facts\">Tokens per kept conversation (")
        .text(tokens.path("encoding"))
        .raw(", non-system turns): min ")
        .text(tokens.path("min"))
        .raw(" · mean ")
        .text(tokens.path("mean"))
        .raw(" · max ")
        .text(tokens.path("max"))
        .raw(" · total ")
        .text(tokens.path("total"))
        .raw("</p><div class=\"grid\">");
    Histogram.render(
        html, "Turns per conversation", "turns", distributions.path("turns"), "conversations");
    Histogram.render(
        html, "Tokens per conversation", "tokens", distributions.path("tokens"), "conversations");
    html.raw("</div>\n");
    JsonNode fields = quality.at("/criteria/balanced/metrics/fields");
    if (fields.size() > 0) {
      html.raw("<h3>Label balance</h3>");
      fields
          .fields()
          .forEachRemaining(field -> BalanceBars.field(html, field.getKey(), field.getValue()));
    }
    if (distributions.path("language").size() > 1) {
      html.raw("<div class=\"grid\">");
      BarChart.render(html, "Languages", distributions.path("language"));
      html.raw("</div>\n");
    }
  }

  private static void outputs(Html html, JsonNode outputs) {
    if (outputs.size() == 0) {
      html.raw("<p class=\"none\">No output file.</p>\n");
      return;
    }
    List<String> files = new ArrayList<>();
    outputs.forEach(file -> files.add("<code>" + Html.value(file) + "</code>"));
    html.raw("<p>Outputs: ").raw(String.join(", ", files)).raw("</p>\n");
  }

  private static void recommendations(Html html, JsonNode recommendations) {
    html.raw("<h3>Recommendations</h3>");
    if (recommendations.size() == 0) {
      html.raw("<p class=\"none\">Nothing to do: no criterion asks for a change.</p>\n");
      return;
    }
    html.raw("<ol class=\"advice\">");
    int shown = 0;
    for (JsonNode advice : recommendations) {
      if (shown++ == JsonTable.MAX_ROWS) {
        break;
      }
      html.raw("<li>").text(advice).raw("</li>");
    }
    html.raw("</ol>\n");
  }

  private static String bundleFile(JsonNode task) {
    for (JsonNode file : task.path("outputs")) {
      if (file.asText().endsWith("/few-shot.json")) {
        return file.asText();
      }
    }
    return task.path("directory").asText() + "/few-shot.json";
  }

  private static JsonNode sum(JsonNode counts) {
    long total = 0;
    for (JsonNode n : counts) {
      total += n.asLong();
    }
    return com.fasterxml.jackson.databind.node.LongNode.valueOf(total);
  }

  static String decisionBadge(String decision) {
    String kind =
        switch (decision) {
          case "fine-tune", "few-shot", "both" -> decision;
          default -> "none";
        };
    return "<span class=\"badge "
        + kind
        + "\">"
        + Html.escape(decision.isEmpty() ? "no decision" : decision)
        + "</span>";
  }

  /** An id for a task's section: its output folder, which is unique and safe in a URL. */
  static String anchor(JsonNode task) {
    String directory = task.path("directory").asText(task.path("task").asText());
    return "task-" + Html.escape(directory.replaceAll("[^A-Za-z0-9._-]", "-"));
  }
}
