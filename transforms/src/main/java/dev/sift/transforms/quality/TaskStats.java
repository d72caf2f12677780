package dev.sift.transforms.quality;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Role;
import dev.sift.transforms.SerializedCoder;
import dev.sift.transforms.dedup.Hash64;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Everything the task's criteria need, accumulated conversation by conversation in space that does
 * not grow with the task: integer counts and histograms (exact, so merging partial accumulators in
 * any order gives the same numbers), {@link BoundedCounts} for open-ended names, and two bounded
 * lists chosen by a fixed order rather than by arrival: the {@value #SAMPLE} conversations with the
 * smallest id hashes (a uniform sample for distinct-n and pairwise distance) and the {@value
 * #OFF_TOPIC} least relevant conversations.
 */
final class TaskStats implements Serializable {
  static final int SAMPLE = 128;
  static final int OFF_TOPIC = 20;
  static final int SNIPPET_CHARS = 160;

  /** Upper bounds (exclusive) of the token-length buckets; the last bucket is open. */
  static final int[] LENGTH_EDGES = {32, 64, 128, 256, 512, 1024, 2048};

  static final List<String> LENGTH_BUCKETS =
      List.of("<32", "32-63", "64-127", "128-255", "256-511", "512-1023", "1024-2047", ">=2048");

  long population;
  long kept;
  long semantic;
  final long[] lengthPopulation = new long[LENGTH_EDGES.length + 1];
  final long[] lengthKept = new long[LENGTH_EDGES.length + 1];
  final long[] topicPopulation = new long[1 << Scored.TOPIC_BITS];
  final long[] topicKept = new long[1 << Scored.TOPIC_BITS];
  final TreeMap<String, Long> languagePopulation = new TreeMap<>();
  final TreeMap<String, Long> languageKept = new TreeMap<>();
  final BoundedCounts sourcePopulation = new BoundedCounts();
  final BoundedCounts sourceKept = new BoundedCounts();
  final TreeMap<String, BoundedCounts> labels = new TreeMap<>();
  final TreeMap<String, Long> labelMissing = new TreeMap<>();
  final TreeMap<String, Long> flags = new TreeMap<>();
  final TreeMap<String, Long> filtered = new TreeMap<>();
  long structureValid;
  long relevanceMeasured;
  long relevanceAbove;
  long relevanceMicros;
  long scoreMicros;
  long tokensKept;
  long minTokens = Long.MAX_VALUE;
  long maxTokens;
  final long[] tokenHistogram = new long[32];
  final long[] turnBins = new long[LengthHistograms.TURN_BINS];
  final long[] tokenBins = new long[LengthHistograms.TOKEN_BINS];
  long answers;
  long answerTokens;
  long answerTokensSquared;
  long withSystemPrompt;
  final BoundedCounts systemPrompts = new BoundedCounts();
  List<Sample> sample = new ArrayList<>();
  List<OffTopic> offTopic = new ArrayList<>();

  /** One conversation of the uniform sample: its first words and its heaviest terms. */
  record Sample(long key, String id, long[] words, TermVector vector) implements Serializable {}

  /** An off-topic conversation, for the report: where it is and how it starts. */
  record OffTopic(double relevance, String id, String file, long record, String snippet)
      implements Serializable {}

  static final Comparator<Sample> SAMPLE_ORDER =
      Comparator.comparingLong(Sample::key).thenComparing(Sample::id);
  static final Comparator<OffTopic> OFF_TOPIC_ORDER =
      Comparator.comparingDouble(OffTopic::relevance).thenComparing(OffTopic::id);

  void add(Scored scored, List<String> labelFields) {
    Measured m = scored.measured;
    Conversation conversation = m.conversation;
    String source = conversation.getSource().getFormat();
    int bucket = lengthBucket(m.tokens);
    population++;
    if (scored.semantic()) {
      semantic++;
    }
    lengthPopulation[bucket]++;
    topicPopulation[scored.topic]++;
    languagePopulation.merge(m.language, 1L, Long::sum);
    sourcePopulation.add(source, 1);
    scored.flags.forEach(flag -> flags.merge(flag, 1L, Long::sum));
    scoreMicros += micros(scored.score);
    if (m.structure == RoleStructure.VALID) {
      structureValid++;
    }
    if (scored.relevance != null) {
      relevanceMeasured++;
      relevanceMicros += micros(scored.relevance);
      if (!scored.flags.contains("off_topic")) {
        relevanceAbove++;
      } else {
        offTopic.add(
            new OffTopic(
                round(scored.relevance),
                conversation.getId(),
                conversation.getSource().getFile(),
                conversation.getSource().getRecord(),
                snippet(m.question == null ? "" : m.question)));
        trimOffTopic();
      }
    }
    if (!scored.kept()) {
      filtered.merge(scored.filteredFor, 1L, Long::sum);
      return;
    }
    kept++;
    lengthKept[bucket]++;
    topicKept[scored.topic]++;
    languageKept.merge(m.language, 1L, Long::sum);
    sourceKept.add(source, 1);
    for (String field : labelFields) {
      String value = conversation.getMetadata().get(field);
      if (value == null || value.isBlank()) {
        labelMissing.merge(field, 1L, Long::sum);
      } else {
        labels.computeIfAbsent(field, f -> new BoundedCounts()).add(value, 1);
      }
    }
    tokensKept += m.tokens;
    minTokens = Math.min(minTokens, m.tokens);
    maxTokens = Math.max(maxTokens, m.tokens);
    tokenHistogram[64 - Long.numberOfLeadingZeros(m.tokens)]++;
    tokenBins[LengthHistograms.tokenBin(m.tokens)]++;
    int turns = 0;
    for (int i = 0; i < conversation.getMessages().size(); i++) {
      String role = conversation.getMessages().get(i).getRole();
      if (!role.equals(Role.SYSTEM.wireName())) {
        turns++;
      }
      if (role.equals(Role.ASSISTANT.wireName())) {
        answers++;
        answerTokens += m.messageTokens[i];
        answerTokensSquared += (long) m.messageTokens[i] * m.messageTokens[i];
      } else if (role.equals(Role.SYSTEM.wireName()) && i == 0) {
        withSystemPrompt++;
        String prompt = conversation.getMessages().get(0).getContent();
        systemPrompts.add(Long.toHexString(Words.hash(prompt, 0, prompt.length())), 1);
      }
    }
    turnBins[LengthHistograms.turnBin(turns)]++;
    sample.add(
        new Sample(
            Hash64.mix(Words.hash(conversation.getId(), 0, conversation.getId().length())),
            conversation.getId(),
            m.words,
            scored.vector.top(Scored.TOP_TERMS)));
    trimSample();
  }

  void merge(TaskStats other) {
    population += other.population;
    kept += other.kept;
    semantic += other.semantic;
    add(lengthPopulation, other.lengthPopulation);
    add(lengthKept, other.lengthKept);
    add(topicPopulation, other.topicPopulation);
    add(topicKept, other.topicKept);
    other.languagePopulation.forEach((k, n) -> languagePopulation.merge(k, n, Long::sum));
    other.languageKept.forEach((k, n) -> languageKept.merge(k, n, Long::sum));
    sourcePopulation.merge(other.sourcePopulation);
    sourceKept.merge(other.sourceKept);
    other.labels.forEach(
        (field, counts) -> labels.computeIfAbsent(field, f -> new BoundedCounts()).merge(counts));
    other.labelMissing.forEach((k, n) -> labelMissing.merge(k, n, Long::sum));
    other.flags.forEach((k, n) -> flags.merge(k, n, Long::sum));
    other.filtered.forEach((k, n) -> filtered.merge(k, n, Long::sum));
    structureValid += other.structureValid;
    relevanceMeasured += other.relevanceMeasured;
    relevanceAbove += other.relevanceAbove;
    relevanceMicros += other.relevanceMicros;
    scoreMicros += other.scoreMicros;
    tokensKept += other.tokensKept;
    minTokens = Math.min(minTokens, other.minTokens);
    maxTokens = Math.max(maxTokens, other.maxTokens);
    add(tokenHistogram, other.tokenHistogram);
    add(turnBins, other.turnBins);
    add(tokenBins, other.tokenBins);
    answers += other.answers;
    answerTokens += other.answerTokens;
    answerTokensSquared += other.answerTokensSquared;
    withSystemPrompt += other.withSystemPrompt;
    systemPrompts.merge(other.systemPrompts);
    sample.addAll(other.sample);
    trimSample();
    offTopic.addAll(other.offTopic);
    trimOffTopic();
  }

  private void trimSample() {
    if (sample.size() > 2 * SAMPLE) {
      sample.sort(SAMPLE_ORDER);
      sample = new ArrayList<>(sample.subList(0, SAMPLE));
    }
  }

  private void trimOffTopic() {
    if (offTopic.size() > 2 * OFF_TOPIC) {
      offTopic.sort(OFF_TOPIC_ORDER);
      offTopic = new ArrayList<>(offTopic.subList(0, OFF_TOPIC));
    }
  }

  /** The sample, smallest keys first, at most {@value #SAMPLE}. */
  List<Sample> finalSample() {
    List<Sample> sorted = new ArrayList<>(sample);
    sorted.sort(SAMPLE_ORDER);
    return sorted.subList(0, Math.min(SAMPLE, sorted.size()));
  }

  List<OffTopic> finalOffTopic() {
    List<OffTopic> sorted = new ArrayList<>(offTopic);
    sorted.sort(OFF_TOPIC_ORDER);
    return sorted.subList(0, Math.min(OFF_TOPIC, sorted.size()));
  }

  static Map<String, Long> buckets(long[] counts, List<String> names) {
    Map<String, Long> map = new TreeMap<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        map.put(names == null ? String.valueOf(i) : names.get(i), counts[i]);
      }
    }
    return map;
  }

  static int lengthBucket(int tokens) {
    for (int i = 0; i < LENGTH_EDGES.length; i++) {
      if (tokens < LENGTH_EDGES[i]) {
        return i;
      }
    }
    return LENGTH_EDGES.length;
  }

  static long micros(double value) {
    return Math.round(value * 1_000_000);
  }

  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  static String snippet(String text) {
    String flat = text.replace('\n', ' ').strip();
    return flat.length() <= SNIPPET_CHARS ? flat : flat.substring(0, SNIPPET_CHARS - 3) + "...";
  }

  private static String fileName(String file) {
    return file.substring(file.lastIndexOf('/') + 1);
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  /** Accumulates {@link TaskStats} per task and extracts its {@link TaskQuality}. */
  static final class CombineStatsFn extends Combine.CombineFn<Scored, TaskStats, TaskQuality> {
    private final List<String> labelFields;

    CombineStatsFn(List<String> labelFields) {
      this.labelFields = List.copyOf(labelFields);
    }

    @Override
    public TaskStats createAccumulator() {
      return new TaskStats();
    }

    @Override
    public TaskStats addInput(TaskStats stats, Scored scored) {
      stats.add(scored, labelFields);
      return stats;
    }

    @Override
    public TaskStats mergeAccumulators(Iterable<TaskStats> accumulators) {
      TaskStats merged = new TaskStats();
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public TaskQuality extractOutput(TaskStats stats) {
      return TaskQuality.of(stats);
    }

    @Override
    public Coder<TaskStats> getAccumulatorCoder(CoderRegistry registry, Coder<Scored> input) {
      return SerializedCoder.forType(TaskStats.class);
    }
  }
}
