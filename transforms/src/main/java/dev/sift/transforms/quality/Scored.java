package dev.sift.transforms.quality;

import java.io.Serializable;
import java.util.List;

/**
 * A measured conversation weighed against its task: its TF-IDF vector, relevance (null where the
 * task gives nothing to compare with), topic (SimHash cell, or k-means cluster in the semantic
 * mode), quality score and the reasons it meets.
 */
final class Scored implements Serializable {
  /** Terms kept in the vectors of samples and of {@link QualitySignals}. */
  static final int TOP_TERMS = 32;

  /** Topic cells: 2^4 = 16. */
  static final int TOPIC_BITS = 4;

  final Measured measured;
  final TermVector vector;
  final Double relevance;
  final boolean languageExpected;
  final int topic;
  final double score;
  final List<String> flags;

  /** The reason it is filtered for, or null when it is kept. */
  final String filteredFor;

  Scored(
      Measured measured,
      TermVector vector,
      Double relevance,
      boolean languageExpected,
      int topic,
      double score,
      List<String> flags,
      String filteredFor) {
    this.measured = measured;
    this.vector = vector;
    this.relevance = relevance;
    this.languageExpected = languageExpected;
    this.topic = topic;
    this.score = score;
    this.flags = List.copyOf(flags);
    this.filteredFor = filteredFor;
  }

  boolean kept() {
    return filteredFor == null;
  }

  String task() {
    return measured.conversation.getTask();
  }

  String id() {
    return measured.conversation.getId();
  }

  boolean semantic() {
    return measured.semantic();
  }

  private List<Float> embedding() {
    if (!semantic()) {
      return List.of();
    }
    List<Float> embedding = new java.util.ArrayList<>(measured.embedding.length);
    for (float component : measured.embedding) {
      embedding.add(component);
    }
    return embedding;
  }

  QualitySignals signals() {
    TermVector top = vector.top(TOP_TERMS);
    return QualitySignals.builder()
        .setTokens(measured.tokens)
        .setSystemTokens(measured.systemTokens)
        .setMessageTokens(java.util.Arrays.stream(measured.messageTokens).boxed().toList())
        .setTurns(measured.turns)
        .setRoleStructure(measured.structure.code())
        .setShortMessages(measured.shortMessages)
        .setLongMessages(measured.longMessages)
        .setLanguage(measured.language)
        .setRepetition(measured.repetition)
        .setSymbolRatio(measured.symbolRatio)
        .setTruncated(measured.truncated)
        .setRefusal(measured.refusal)
        .setBoilerplate(measured.boilerplate)
        .setRelevance(relevance)
        .setScore(score)
        .setTopic(topic)
        .setTermIds(java.util.Arrays.stream(top.ids()).boxed().toList())
        .setTermWeights(java.util.Arrays.stream(top.weights()).boxed().toList())
        .setEmbedding(embedding())
        .setFlags(flags)
        .build();
  }
}
