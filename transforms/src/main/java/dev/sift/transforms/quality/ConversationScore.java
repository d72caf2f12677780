package dev.sift.transforms.quality;

import dev.sift.schemas.spec.QualitySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-conversation quality score in [0, 1]: a weighted mean of component scores, each in [0,
 * 1], with the weights below (docs/quality-criteria.md has the table). Relevance counts only where
 * it was measured; the weights of the components that count are renormalised to sum to 1.
 */
final class ConversationScore {
  static final double STRUCTURE = 0.20;
  static final double LENGTH = 0.15;
  static final double REPETITION = 0.15;
  static final double SYMBOLS = 0.10;
  static final double COMPLETE = 0.10;
  static final double HELPFUL = 0.10;
  static final double LANGUAGE = 0.10;
  static final double RELEVANCE = 0.10;

  /** Symbol ratios up to this cost nothing; from {@link #SYMBOLS_ZERO} the component is 0. */
  static final double SYMBOLS_FREE = 0.10;

  static final double SYMBOLS_ZERO = 0.40;

  private ConversationScore() {}

  /** {@code relevance}: null where the task has no description, keywords or examples. */
  static double of(Measured m, Double relevance, boolean languageExpected, QualitySpec spec) {
    double sum = 0;
    double weights = 0;
    sum += STRUCTURE * (m.structure == RoleStructure.VALID ? 1 : 0);
    sum += LENGTH * length(m, spec);
    sum += REPETITION * (1 - clamp((m.repetition - 0.5) * 2));
    sum += SYMBOLS * (1 - clamp((m.symbolRatio - SYMBOLS_FREE) / (SYMBOLS_ZERO - SYMBOLS_FREE)));
    sum += COMPLETE * (m.truncated ? 0 : 1);
    sum += HELPFUL * (m.refusal ? 0 : m.boilerplate ? 0.5 : 1);
    sum += LANGUAGE * (languageExpected ? 1 : 0);
    weights += STRUCTURE + LENGTH + REPETITION + SYMBOLS + COMPLETE + HELPFUL + LANGUAGE;
    if (relevance != null) {
      sum += RELEVANCE * clamp(relevance / (2 * Math.max(minRelevance(m, spec), 1e-9)));
      weights += RELEVANCE;
    }
    return sum / weights;
  }

  /** 0 when too short; otherwise 1, less 0.5 for a very long message, 0.25 for a curt answer. */
  static double length(Measured m, QualitySpec spec) {
    if (m.tokens < spec.minTokens()) {
      return 0;
    }
    double score = 1;
    if (m.longMessages > 0) {
      score -= 0.5;
    }
    if (m.lastAnswerTokens < Measured.SHORT_MESSAGE_TOKENS) {
      score -= 0.25;
    }
    return score;
  }

  /**
   * Every quality reason the conversation meets, in the order of {@link QualitySpec#REASONS}; the
   * first one that the spec's filter names is why it is filtered.
   */
  static List<String> flags(
      Measured m, Double relevance, boolean languageExpected, double score, QualitySpec spec) {
    List<String> flags = new ArrayList<>();
    if (m.structure != RoleStructure.VALID) {
      flags.add("malformed_roles");
    }
    if (!languageExpected) {
      flags.add("wrong_language");
    }
    if (m.tokens < spec.minTokens()) {
      flags.add("too_short");
    }
    if (m.repetition > 1) {
      flags.add("repetitive");
    }
    if (m.refusal) {
      flags.add("refusal");
    }
    if (m.truncated) {
      flags.add("truncated");
    }
    if (relevance != null && relevance < minRelevance(m, spec)) {
      flags.add("off_topic");
    }
    if (score < spec.minScore()) {
      flags.add("low_quality");
    }
    return flags;
  }

  /** The off-topic threshold of the conversation's mode: semantic or lexical relevance. */
  static double minRelevance(Measured m, QualitySpec spec) {
    return m.semantic() ? spec.minSemanticRelevance() : spec.minRelevance();
  }

  static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }
}
