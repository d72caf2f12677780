package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The conversations a reviewer reads: the chosen few-shot examples, conflicting answers and
 * off-topic conversations. Each shows as text, whatever markup it holds, and the longer ones fold
 * into a {@code <details>} element, which opens without any script.
 */
final class Transcripts {
  private static final int SUMMARY_CHARS = 90;

  private Transcripts() {}

  /** {@code fewShot.chosen}: excerpts of the bundle's examples. */
  static void examples(Html html, JsonNode chosen, long examples, String bundleFile) {
    html.raw("<h3>Chosen few-shot examples</h3>");
    if (chosen.size() == 0) {
      html.raw("<p class=\"none\">No example fits the token budget.</p>\n");
      return;
    }
    int number = 0;
    for (JsonNode example : chosen) {
      number++;
      html.raw("<details class=\"example\"><summary><b>Example ")
          .raw(number)
          .raw("</b> <span class=\"muted\">")
          .text(example.path("tokens"))
          .raw(" tokens · quality ")
          .text(example.path("quality"))
          .raw("</span> ")
          .text(firstWords(example.path("messages").path(0).path("content").asText("")))
          .raw("</summary><div class=\"transcript\">");
      for (JsonNode message : example.path("messages")) {
        turn(html, message.path("role").asText(""), message.path("content").asText(""));
      }
      html.raw("</div>");
      long turnsLeft = example.path("messagesLeftOut").asLong();
      long charsLeft = example.path("charsLeftOut").asLong();
      if (turnsLeft > 0 || charsLeft > 0) {
        html.raw("<p class=\"none\">Cut here: ")
            .raw(Html.count(charsLeft))
            .raw(" more characters")
            .raw(turnsLeft > 0 ? " in " + Html.count(turnsLeft) + " more turns" : "")
            .raw(" are in <code>")
            .text(bundleFile)
            .raw("</code>.</p>");
      }
      html.raw("<p class=\"id\">id <code>").text(example.path("id")).raw("</code></p></details>\n");
    }
    if (examples > chosen.size()) {
      html.raw("<p class=\"none\">The bundle holds ")
          .raw(Html.count(examples))
          .raw(" examples; the report shows the first ")
          .raw(Html.count(chosen.size()))
          .raw(".</p>\n");
    }
  }

  /** {@code quality.byTask.<task>.conflicts}: the same question, answers that disagree. */
  static void conflicts(Html html, JsonNode conflicts, long pairs) {
    html.raw("<h3>Conflicting answers</h3>");
    if (conflicts.size() == 0) {
      html.raw("<p class=\"none\">No question gets conflicting answers.</p>\n");
      return;
    }
    for (JsonNode pair : conflicts) {
      html.raw("<details class=\"conflict\"><summary>“")
          .text(pair.path("question"))
          .raw("” <span class=\"muted\">answers share ")
          .raw(Html.percent(pair.path("similarity").asDouble()))
          .raw(" of their words</span></summary><div class=\"pair\">");
      answer(html, pair.path("firstId"), pair.path("firstAnswer"));
      answer(html, pair.path("secondId"), pair.path("secondAnswer"));
      html.raw("</div></details>\n");
    }
    if (pairs > conflicts.size()) {
      html.raw("<p class=\"none\">")
          .raw(Html.count(pairs))
          .raw(" conflicting pairs in all; the report keeps ")
          .raw(Html.count(conflicts.size()))
          .raw(".</p>\n");
    }
  }

  /** {@code quality.byTask.<task>.offTopic}: the least relevant conversations. */
  static void offTopic(Html html, JsonNode offTopic, long total) {
    html.raw("<h3>Off-topic conversations</h3>");
    if (offTopic.size() == 0) {
      html.raw("<p class=\"none\">None below the relevance threshold.</p>\n");
      return;
    }
    html.raw(
        "<table class=\"list\"><tr><th>relevance</th><th>where</th><th>how it starts</th></tr>");
    for (JsonNode item : offTopic) {
      html.raw("<tr><td class=\"num\">")
          .text(item.path("relevance"))
          .raw("</td><td><code>")
          .text(item.path("file"))
          .raw("</code> record ")
          .text(item.path("record"))
          .raw("</td><td class=\"quote\">")
          .text(item.path("snippet"))
          .raw("</td></tr>");
    }
    html.raw("</table>\n");
    if (total > offTopic.size()) {
      html.raw("<p class=\"none\">")
          .raw(Html.count(total))
          .raw(" off-topic conversations in all; the least relevant ")
          .raw(Html.count(offTopic.size()))
          .raw(" are shown.</p>\n");
    }
  }

  private static void answer(Html html, JsonNode id, JsonNode text) {
    html.raw("<div class=\"turn assistant\"><span class=\"role\">answer in <code>")
        .text(id)
        .raw("</code></span><div class=\"content\">")
        .text(text)
        .raw("</div></div>");
  }

  private static void turn(Html html, String role, String content) {
    String kind = role.equals("user") || role.equals("assistant") ? role : "other";
    html.raw("<div class=\"turn ")
        .raw(kind)
        .raw("\"><span class=\"role\">")
        .text(role)
        .raw("</span><div class=\"content\">")
        .text(content)
        .raw("</div></div>");
  }

  private static String firstWords(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return Html.cut(flat, SUMMARY_CHARS);
  }
}
