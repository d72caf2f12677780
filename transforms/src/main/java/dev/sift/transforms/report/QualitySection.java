package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.schemas.Reason;
import dev.sift.schemas.spec.QualitySpec;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.TaskSpec;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.quality.Criteria;
import dev.sift.transforms.quality.TaskQuality;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code quality} section of a report: the settings in force, the balance of kept conversations
 * over tasks, and per task the five criteria with their metrics, the off-topic conversations, the
 * conflicting answers and recommendations ({@link Criteria}).
 */
final class QualitySection {
  private QualitySection() {}

  static ObjectNode render(
      Map<String, Long> counts, Map<String, TaskQuality> quality, SiftSpec spec) {
    Map<String, Long> kept = new TreeMap<>();
    Map<String, Long> duplicates = new TreeMap<>();
    counts.forEach(
        (key, n) -> {
          Tally tally = Tally.parse(key);
          if (tally.kind() == Tally.Kind.KEPT) {
            kept.merge(tally.task(), n, Long::sum);
          } else if (tally.kind() == Tally.Kind.FILTERED
              && (tally.name().equals(Reason.EXACT_DUPLICATE.code())
                  || tally.name().equals(Reason.NEAR_DUPLICATE.code()))) {
            duplicates.merge(tally.task(), n, Long::sum);
          }
        });
    QualitySpec settings = spec.quality();
    ObjectNode section = Json.object();
    section.put("mode", mode(quality.values()));
    section.set("settings", settings(settings));
    section.set("taskBalance", taskBalance(kept, settings));
    ObjectNode byTask = section.putObject("byTask");
    new TreeMap<>(quality)
        .forEach(
            (task, q) -> {
              TaskSpec own = spec.tasks().get(task);
              boolean described = own != null && !own.profileText().isBlank();
              byTask.set(
                  task,
                  Criteria.render(task, q, duplicates.getOrDefault(task, 0L), settings, described));
            });
    return section;
  }

  /** {@code lexical} or {@code semantic} when every task was scored so, else {@code mixed}. */
  private static String mode(Collection<TaskQuality> tasks) {
    Set<String> modes = new TreeSet<>();
    tasks.forEach(q -> modes.add(q.mode()));
    return modes.size() == 1 ? modes.iterator().next() : modes.isEmpty() ? "lexical" : "mixed";
  }

  private static ObjectNode taskBalance(Map<String, Long> kept, QualitySpec settings) {
    ObjectNode node = Json.object();
    ObjectNode counts = node.putObject("kept");
    kept.forEach(counts::put);
    Map<String, Double> metrics = Criteria.balance(kept);
    node.put("normalisedEntropy", metrics.get("normalisedEntropy"));
    node.put("maxMinRatio", metrics.get("maxMinRatio"));
    String dominant = null;
    long top = -1;
    long total = 0;
    for (Map.Entry<String, Long> entry : kept.entrySet()) {
      total += entry.getValue();
      if (entry.getValue() > top) {
        dominant = entry.getKey();
        top = entry.getValue();
      }
    }
    if (dominant != null) {
      ObjectNode dominantNode = node.putObject("dominant");
      dominantNode.put("task", dominant);
      dominantNode.put("share", Math.round(10_000.0 * top / total) / 10_000.0);
    }
    List<String> starved = new ArrayList<>();
    for (Map.Entry<String, Long> entry : kept.entrySet()) {
      if (entry.getValue() < (double) total / kept.size() / 2) {
        starved.add(entry.getKey());
      }
    }
    ArrayNode starvedNode = node.putArray("starved");
    starved.forEach(starvedNode::add);
    node.put("status", Criteria.status(metrics.get("normalisedEntropy"), settings));
    return node;
  }

  private static ObjectNode settings(QualitySpec quality) {
    ObjectNode node = Json.object();
    node.put("encoding", quality.encoding());
    ArrayNode languages = node.putArray("languages");
    quality.languages().forEach(languages::add);
    ArrayNode labelFields = node.putArray("labelFields");
    quality.labelFields().forEach(labelFields::add);
    ArrayNode filter = node.putArray("filter");
    quality.filter().forEach(filter::add);
    node.put("minRelevance", quality.minRelevance());
    node.put("minTokens", quality.minTokens());
    node.put("longMessageTokens", quality.longMessageTokens());
    node.put("minScore", quality.minScore());
    node.put("conflictSimilarity", quality.conflictSimilarity());
    node.put("pass", quality.pass());
    node.put("warn", quality.warn());
    node.put("semantic", quality.semantic());
    node.put("semanticMaxConversations", quality.semanticMaxConversations());
    node.put("minSemanticRelevance", quality.minSemanticRelevance());
    return node;
  }
}
