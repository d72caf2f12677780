package dev.sift.transforms.quality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.schemas.spec.QualitySpec;
import dev.sift.transforms.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a task's {@link TaskQuality} into the five criteria: a score in [0, 1] each (null when the
 * data or the spec gives nothing to measure), pass/warn/fail by {@code quality.pass} and {@code
 * quality.warn}, the metrics behind each, and recommendations as sentences. The formulas are those
 * of docs/quality-criteria.md.
 */
public final class Criteria {
  public static final List<String> NAMES =
      List.of("representative", "diverse", "balanced", "consistent", "relevant");

  private Criteria() {}

  /**
   * The task's quality section. {@code duplicates}: conversations of the task that dedup filtered,
   * for the near-duplicate rate.
   */
  public static ObjectNode render(
      String task, TaskQuality q, long duplicates, QualitySpec spec, boolean specDescribesTask) {
    List<String> advice = new ArrayList<>();
    ObjectNode node = Json.object();
    node.put("task", task);
    node.put("mode", q.mode());
    ObjectNode criteria = Json.object();
    criteria.set("representative", representative(q, spec, advice, task));
    criteria.set("diverse", diverse(q, duplicates, spec, advice, task));
    criteria.set("balanced", balanced(q, spec, advice, task));
    criteria.set("consistent", consistent(q, spec, advice, task));
    criteria.set("relevant", relevant(q, spec, advice, task, specDescribesTask));
    double sum = 0;
    int measured = 0;
    for (String name : NAMES) {
      if (criteria.get(name).get("score").isNumber()) {
        sum += criteria.get(name).get("score").asDouble();
        measured++;
      }
    }
    if (measured == 0) {
      node.putNull("score");
    } else {
      node.put("score", round(sum / measured));
    }
    node.put("meanConversationScore", round(q.meanScore));
    ObjectNode conversations = node.putObject("conversations");
    conversations.put("scored", q.population);
    conversations.put("kept", q.kept);
    conversations.set("flagged", counts(q.flags));
    conversations.set("filtered", counts(q.filtered));
    ObjectNode tokens = node.putObject("tokens");
    tokens.put("encoding", spec.encoding());
    tokens.put("total", q.tokensKept);
    tokens.put("min", q.minTokens);
    tokens.put("max", q.maxTokens);
    tokens.put("mean", round(q.kept == 0 ? 0 : (double) q.tokensKept / q.kept));
    tokens.put("medianAtMost", q.medianTokensAtMost);
    tokens.put("p95AtMost", q.p95TokensAtMost);
    ObjectNode distributions = node.putObject("distributions");
    distributions.set("length", counts(q.lengthsKept));
    distributions.set("language", counts(q.languagesKept));
    distributions.set("topic", counts(q.topicsKept));
    distributions.set("turns", LengthHistograms.turns(q.turnBins));
    distributions.set("tokens", LengthHistograms.tokens(q.tokenBins));
    node.set("criteria", criteria);
    ArrayNode offTopic = node.putArray("offTopic");
    for (TaskStats.OffTopic item : q.offTopic) {
      ObjectNode entry = offTopic.addObject();
      entry.put("id", item.id());
      entry.put("relevance", item.relevance());
      entry.put("file", item.file());
      entry.put("record", item.record());
      entry.put("snippet", item.snippet());
    }
    ArrayNode conflicts = node.putArray("conflicts");
    for (Conflicts.Pair pair : q.conflicts.examples()) {
      ObjectNode entry = conflicts.addObject();
      entry.put("question", pair.question());
      entry.put("firstId", pair.firstId());
      entry.put("firstAnswer", pair.firstAnswer());
      entry.put("secondId", pair.secondId());
      entry.put("secondAnswer", pair.secondAnswer());
      entry.put("similarity", pair.similarity());
    }
    ArrayNode recommendations = node.putArray("recommendations");
    advice.forEach(recommendations::add);
    return node;
  }

  static ObjectNode representative(
      TaskQuality q, QualitySpec spec, List<String> advice, String task) {
    ObjectNode metrics = Json.object();
    String worst = null;
    double max = 0;
    for (Map.Entry<String, Double> entry : q.divergence.entrySet()) {
      metrics.put("jsDivergence" + capitalised(entry.getKey()), round(entry.getValue()));
      if (worst == null || entry.getValue() > max) {
        worst = entry.getKey();
        max = entry.getValue();
      }
    }
    if (q.kept == 0) {
      return criterion(null, spec, metrics, "no conversation of the task was kept");
    }
    double score = 1 - max;
    if (score < spec.pass()) {
      advice.add(
          String.format(
              Locale.ROOT,
              "Filtering changed the %s mix of task %s most (Jensen-Shannon divergence %.2f between"
                  + " kept and scored conversations): review its filtered conversations (stage"
                  + " quality in filtered/filtered.jsonl) or filter less (quality.filter).",
              worst,
              task,
              max));
    }
    return criterion(score, spec, metrics, null);
  }

  static ObjectNode diverse(
      TaskQuality q, long duplicates, QualitySpec spec, List<String> advice, String task) {
    ObjectNode metrics = Json.object();
    double duplicateRate =
        q.population + duplicates == 0 ? 0 : (double) duplicates / (q.population + duplicates);
    metrics.put("distinct1", round(q.distinct1));
    metrics.put("distinct2", round(q.distinct2));
    metrics.put("duplicateRate", round(duplicateRate));
    metrics.put("topicEntropy", round(q.topicEntropy));
    metrics.put("meanPairwiseDistance", round(q.meanPairwiseDistance));
    metrics.put("sampled", q.sampled);
    if (q.sampled < 2) {
      return criterion(null, spec, metrics, "fewer than two kept conversations");
    }
    double score =
        (q.distinct2 + (1 - duplicateRate) + q.topicEntropy + q.meanPairwiseDistance) / 4;
    if (duplicateRate >= 0.2) {
      advice.add(
          String.format(
              Locale.ROOT,
              "%s of task %s's conversations were duplicates: collect conversations from more"
                  + " sources, sessions or periods rather than more of the same.",
              percent(duplicateRate),
              task));
    }
    if (q.distinct2 < 0.3) {
      advice.add(
          String.format(
              Locale.ROOT,
              "Task %s reuses the same phrasing (distinct-2 %.2f): its conversations look"
                  + " templated; add conversations written by different people or channels.",
              task,
              q.distinct2));
    }
    if (q.topicEntropy < 0.5 && q.kept >= 16) {
      advice.add(
          String.format(
              Locale.ROOT,
              "Task %s's conversations cluster in few topics (topic entropy %.2f): add"
                  + " conversations on the task's other topics.",
              task,
              q.topicEntropy));
    }
    return criterion(score, spec, metrics, null);
  }

  static ObjectNode balanced(TaskQuality q, QualitySpec spec, List<String> advice, String task) {
    ObjectNode metrics = Json.object();
    ObjectNode fields = metrics.putObject("fields");
    Double score = null;
    for (String field : spec.labelFields()) {
      Map<String, Long> counts = q.labels.getOrDefault(field, Map.of());
      ObjectNode node = fields.putObject(field);
      node.set("counts", counts(counts));
      node.put("missing", q.labelMissing.getOrDefault(field, 0L));
      node.put("folded", q.labelsFolded.getOrDefault(field, false));
      if (counts.isEmpty()) {
        continue;
      }
      double entropy = Distributions.normalisedEntropy(counts);
      double total = Distributions.total(counts);
      String dominant = null;
      long top = -1;
      for (Map.Entry<String, Long> entry : counts.entrySet()) {
        if (entry.getValue() > top) {
          dominant = entry.getKey();
          top = entry.getValue();
        }
      }
      double fairShare = 1.0 / counts.size();
      List<String> starved =
          counts.entrySet().stream()
              .filter(entry -> entry.getValue() / total < fairShare / 2)
              .map(Map.Entry::getKey)
              .collect(Collectors.toList());
      node.put("normalisedEntropy", round(entropy));
      node.put("maxMinRatio", round(Distributions.maxMinRatio(counts)));
      ObjectNode dominantNode = node.putObject("dominant");
      dominantNode.put("value", dominant);
      dominantNode.put("share", round(top / total));
      ArrayNode starvedNode = node.putArray("starved");
      starved.forEach(starvedNode::add);
      score = score == null ? entropy : Math.min(score, entropy);
      if (entropy < spec.pass() && counts.size() > 1) {
        advice.add(
            String.format(
                Locale.ROOT,
                "Label %s=%s is %s of task %s: cap it%s.",
                field,
                dominant,
                percent(top / total),
                task,
                starved.isEmpty()
                    ? " or collect more of the other values"
                    : " or collect more of " + String.join(", ", starved)));
      }
    }
    if (spec.labelFields().isEmpty()) {
      return criterion(null, spec, metrics, "the spec names no quality.labelFields");
    }
    return criterion(
        score, spec, metrics, score == null ? "no kept conversation has the fields" : null);
  }

  static ObjectNode consistent(TaskQuality q, QualitySpec spec, List<String> advice, String task) {
    ObjectNode metrics = Json.object();
    double validity = q.population == 0 ? 0 : (double) q.structureValid / q.population;
    long topLanguage = q.languagesKept.values().stream().mapToLong(Long::longValue).max().orElse(0);
    double languageShare = q.kept == 0 ? 0 : (double) topLanguage / q.kept;
    double lengthConsistency = 1 / (1 + q.answerTokensCv);
    double conflictRate =
        q.kept == 0 ? 0 : Math.min(1, (double) q.conflicts.conversations() / q.kept);
    metrics.put("structureValidRate", round(validity));
    metrics.put("languageConsistency", round(languageShare));
    metrics.put("answerTokensMean", round(q.answerTokensMean));
    metrics.put("answerTokensCv", round(q.answerTokensCv));
    metrics.put("lengthConsistency", round(lengthConsistency));
    metrics.put("conflictingQuestions", q.conflicts.questions());
    metrics.put("conflictingPairs", q.conflicts.pairs());
    metrics.put("conflictRate", round(conflictRate));
    metrics.put("systemPrompts", q.systemPrompts);
    metrics.put("withSystemPrompt", q.withSystemPrompt);
    metrics.put(
        "topSystemPromptShare",
        round(q.withSystemPrompt == 0 ? 0 : (double) q.topSystemPrompt / q.withSystemPrompt));
    if (q.kept == 0) {
      return criterion(null, spec, metrics, "no conversation of the task was kept");
    }
    double score = (validity + languageShare + lengthConsistency) / 3 * (1 - conflictRate);
    if (q.conflicts.pairs() > 0) {
      Conflicts.Pair first = q.conflicts.examples().get(0);
      advice.add(
          String.format(
              Locale.ROOT,
              "%d question%s of task %s get%s conflicting answers (e.g. \"%s\": %s and %s):"
                  + " decide the right answer, then fix or drop the other.",
              q.conflicts.questions(),
              q.conflicts.questions() == 1 ? "" : "s",
              task,
              q.conflicts.questions() == 1 ? "s" : "",
              first.question(),
              first.firstId(),
              first.secondId()));
    }
    if (validity < 1) {
      advice.add(
          String.format(
              Locale.ROOT,
              "%d conversation%s of task %s do not alternate user and assistant turns or end"
                  + " with the user: merge consecutive turns or drop the unanswered last turn at"
                  + " export.",
              q.population - q.structureValid,
              q.population - q.structureValid == 1 ? "" : "s",
              task));
    }
    if (q.systemPrompts > 1 && q.withSystemPrompt > 0) {
      advice.add(
          String.format(
              Locale.ROOT,
              "Task %s uses %d different system prompts (the most common on %s of the"
                  + " conversations that have one): train with one prompt, or keep them only if the"
                  + " model will see them all.",
              task,
              q.systemPrompts,
              percent((double) q.topSystemPrompt / q.withSystemPrompt)));
    }
    return criterion(score, spec, metrics, null);
  }

  static ObjectNode relevant(
      TaskQuality q,
      QualitySpec spec,
      List<String> advice,
      String task,
      boolean specDescribesTask) {
    ObjectNode metrics = Json.object();
    long offTopic = q.relevanceMeasured - q.relevanceAbove;
    metrics.put("measured", q.relevanceMeasured);
    metrics.put("aboveThreshold", q.relevanceAbove);
    metrics.put("offTopic", offTopic);
    metrics.put("meanRelevance", round(q.relevanceMean));
    double threshold = q.semantic() ? spec.minSemanticRelevance() : spec.minRelevance();
    metrics.put("minRelevance", threshold);
    if (!specDescribesTask) {
      advice.add(
          "Give task "
              + task
              + " a description, keywords or examples in the spec (tasks."
              + task
              + ") so that its relevance can be measured.");
      return criterion(
          null, spec, metrics, "the spec gives the task no description, keywords or examples");
    }
    if (q.relevanceMeasured == 0) {
      return criterion(null, spec, metrics, "no conversation of the task was scored");
    }
    double share = (double) q.relevanceAbove / q.relevanceMeasured;
    metrics.put("shareAboveThreshold", round(share));
    if (offTopic > 0) {
      String files =
          q.offTopic.stream()
              .map(item -> item.file().substring(item.file().lastIndexOf('/') + 1))
              .distinct()
              .sorted()
              .collect(Collectors.joining(", "));
      advice.add(
          String.format(
              Locale.ROOT,
              "%d conversation%s of task %s %s off topic (%srelevance below %s), e.g. \"%s\" in %s:"
                  + " check how they got into this task's logs%s.",
              offTopic,
              offTopic == 1 ? "" : "s",
              task,
              offTopic == 1 ? "is" : "are",
              q.semantic() ? "semantic " : "",
              threshold,
              q.offTopic.get(0).snippet(),
              files,
              spec.filters("off_topic") ? "; they were filtered as off_topic" : ""));
    }
    return criterion(share, spec, metrics, null);
  }

  private static ObjectNode criterion(
      Double score, QualitySpec spec, ObjectNode metrics, String notMeasured) {
    ObjectNode node = Json.object();
    if (score == null) {
      node.putNull("score");
      node.put("status", "not_measured");
      node.put("why", notMeasured);
    } else {
      double value = round(Math.max(0, Math.min(1, score)));
      node.put("score", value);
      node.put("status", status(value, spec));
    }
    node.set("metrics", metrics);
    return node;
  }

  /** Normalised entropy and max/min ratio of counts, rounded: the balance over tasks. */
  public static Map<String, Double> balance(Map<String, Long> counts) {
    return Map.of(
        "normalisedEntropy", round(Distributions.normalisedEntropy(counts)),
        "maxMinRatio", round(Distributions.maxMinRatio(counts)));
  }

  public static String status(double score, QualitySpec spec) {
    return score >= spec.pass() ? "pass" : score >= spec.warn() ? "warn" : "fail";
  }

  private static ObjectNode counts(Map<String, Long> counts) {
    ObjectNode node = Json.object();
    counts.forEach(node::put);
    return node;
  }

  private static String capitalised(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  static double round(double value) {
    return TaskStats.round(value);
  }
}
