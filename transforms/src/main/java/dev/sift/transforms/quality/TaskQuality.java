package dev.sift.transforms.quality;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.util.SerializableUtils;

/**
 * The measured facts of one task, extracted from its {@link TaskStats}: the metrics behind the five
 * criteria and the evidence a reviewer looks at (off-topic conversations, conflicting answers).
 * {@link Criteria} turns them into scores, statuses and recommendations.
 */
public final class TaskQuality implements Serializable {
  /** {@code semantic} when sentence embeddings scored the task, else {@code lexical}. */
  String mode;

  long population;
  long kept;
  Map<String, Double> divergence = new TreeMap<>();
  double distinct1;
  double distinct2;
  double meanPairwiseDistance;
  int sampled;
  double topicEntropy;
  Map<String, Long> topicsKept = new TreeMap<>();
  Map<String, Map<String, Long>> labels = new TreeMap<>();
  Map<String, Boolean> labelsFolded = new TreeMap<>();
  Map<String, Long> labelMissing = new TreeMap<>();
  long structureValid;
  Map<String, Long> languagesKept = new TreeMap<>();
  Map<String, Long> lengthsKept = new TreeMap<>();
  long[] turnBins = new long[0];
  long[] tokenBins = new long[0];
  long answers;
  double answerTokensMean;
  double answerTokensCv;
  long withSystemPrompt;
  long systemPrompts;
  long topSystemPrompt;
  long relevanceMeasured;
  long relevanceAbove;
  double relevanceMean;
  List<TaskStats.OffTopic> offTopic = new ArrayList<>();
  Map<String, Long> flags = new TreeMap<>();
  Map<String, Long> filtered = new TreeMap<>();
  double meanScore;
  long tokensKept;
  long minTokens;
  long maxTokens;
  long medianTokensAtMost;
  long p95TokensAtMost;
  Conflicts.Summary conflicts = Conflicts.Summary.NONE;

  static TaskQuality of(TaskStats s) {
    TaskQuality q = new TaskQuality();
    q.mode = s.semantic > 0 ? "semantic" : "lexical";
    q.population = s.population;
    q.kept = s.kept;
    q.divergence.put(
        "length",
        Distributions.jensenShannon(
            TaskStats.buckets(s.lengthKept, TaskStats.LENGTH_BUCKETS),
            TaskStats.buckets(s.lengthPopulation, TaskStats.LENGTH_BUCKETS)));
    q.divergence.put("language", Distributions.jensenShannon(s.languageKept, s.languagePopulation));
    q.divergence.put(
        "source", Distributions.jensenShannon(s.sourceKept.counts(), s.sourcePopulation.counts()));
    q.divergence.put(
        "topic",
        Distributions.jensenShannon(
            TaskStats.buckets(s.topicKept, null), TaskStats.buckets(s.topicPopulation, null)));
    List<TaskStats.Sample> sample = s.finalSample();
    q.sampled = sample.size();
    q.distinct1 = Distributions.distinctN(sample.stream().map(TaskStats.Sample::words).toList(), 1);
    q.distinct2 = Distributions.distinctN(sample.stream().map(TaskStats.Sample::words).toList(), 2);
    q.meanPairwiseDistance =
        Distributions.meanPairwiseDistance(sample.stream().map(TaskStats.Sample::vector).toList());
    q.topicsKept = TaskStats.buckets(s.topicKept, null);
    q.topicEntropy = q.topicsKept.size() < 2 ? 0 : Distributions.normalisedEntropy(q.topicsKept);
    s.labels.forEach(
        (field, counts) -> {
          q.labels.put(field, counts.counts());
          q.labelsFolded.put(field, counts.folded());
        });
    q.labelMissing = new TreeMap<>(s.labelMissing);
    q.structureValid = s.structureValid;
    q.languagesKept = new TreeMap<>(s.languageKept);
    q.lengthsKept = TaskStats.buckets(s.lengthKept, TaskStats.LENGTH_BUCKETS);
    q.turnBins = s.turnBins.clone();
    q.tokenBins = s.tokenBins.clone();
    q.answers = s.answers;
    if (s.answers > 0) {
      double mean = (double) s.answerTokens / s.answers;
      double variance = (double) s.answerTokensSquared / s.answers - mean * mean;
      q.answerTokensMean = mean;
      q.answerTokensCv = mean == 0 ? 0 : Math.sqrt(Math.max(0, variance)) / mean;
    }
    q.withSystemPrompt = s.withSystemPrompt;
    Map<String, Long> prompts = s.systemPrompts.counts();
    q.systemPrompts = prompts.size();
    q.topSystemPrompt = prompts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    q.relevanceMeasured = s.relevanceMeasured;
    q.relevanceAbove = s.relevanceAbove;
    q.relevanceMean = s.relevanceMeasured == 0 ? 0 : s.relevanceMicros / 1e6 / s.relevanceMeasured;
    q.offTopic = new ArrayList<>(s.finalOffTopic());
    q.flags = new TreeMap<>(s.flags);
    q.filtered = new TreeMap<>(s.filtered);
    q.meanScore = s.population == 0 ? 0 : s.scoreMicros / 1e6 / s.population;
    q.tokensKept = s.tokensKept;
    q.minTokens = s.kept == 0 ? 0 : s.minTokens;
    q.maxTokens = s.maxTokens;
    q.medianTokensAtMost = quantileBound(s.tokenHistogram, s.kept, 0.5);
    q.p95TokensAtMost = quantileBound(s.tokenHistogram, s.kept, 0.95);
    return q;
  }

  /** How the task was scored: {@code semantic} or {@code lexical}. */
  public String mode() {
    return mode;
  }

  boolean semantic() {
    return mode.equals("semantic");
  }

  /** A copy with the task's conflicting answers (elements are never changed in place). */
  TaskQuality withConflicts(Conflicts.Summary summary) {
    TaskQuality copy = SerializableUtils.clone(this);
    copy.conflicts = summary;
    return copy;
  }

  /** The upper bound of the power-of-two bucket holding the q-quantile. */
  static long quantileBound(long[] histogram, long total, double q) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < histogram.length; i++) {
      seen += histogram[i];
      if (seen >= rank) {
        return i == 0 ? 0 : (1L << i) - 1;
      }
    }
    return Long.MAX_VALUE;
  }
}
