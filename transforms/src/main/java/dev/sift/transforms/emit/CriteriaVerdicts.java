package dev.sift.transforms.emit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.transforms.quality.Criteria;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The criteria of a task's quality section (as {@link Criteria#render} makes it) that fail or warn,
 * as phrases for the decision's reason, with the count that explains the most common causes. Only
 * the criteria of {@code emit.blockingCriteria} block fine-tuning; another that fails is reported
 * with the warnings.
 */
record CriteriaVerdicts(List<String> failing, List<String> warning) {

  static CriteriaVerdicts of(JsonNode qualitySection, List<String> blocking) {
    List<String> failing = new ArrayList<>();
    List<String> warning = new ArrayList<>();
    JsonNode criteria = qualitySection.path("criteria");
    for (String name : Criteria.NAMES) {
      JsonNode criterion = criteria.path(name);
      String status = criterion.path("status").asText();
      if (status.equals("fail") && blocking.contains(name)) {
        failing.add(phrase(name, "fails", criterion));
      } else if (status.equals("fail")) {
        warning.add(phrase(name, "fails", criterion) + ", not blocking (emit.blockingCriteria)");
      } else if (status.equals("warn")) {
        warning.add(phrase(name, "warns", criterion));
      }
    }
    return new CriteriaVerdicts(failing, warning);
  }

  private static String phrase(String name, String verb, JsonNode criterion) {
    String phrase =
        String.format(Locale.ROOT, "%s %s (%.2f)", name, verb, criterion.path("score").asDouble());
    JsonNode metrics = criterion.path("metrics");
    long detail =
        switch (name) {
          case "consistent" -> metrics.path("conflictingPairs").asLong();
          case "relevant" -> metrics.path("offTopic").asLong();
          default -> 0;
        };
    if (detail == 0) {
      return phrase;
    }
    return phrase
        + ": "
        + detail
        + (name.equals("consistent") ? " conflicting answer pair" : " off-topic conversation")
        + (detail == 1 ? "" : "s");
  }
}
