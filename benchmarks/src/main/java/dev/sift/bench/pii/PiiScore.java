package dev.sift.bench.pii;

import dev.sift.schemas.EntityType;
import dev.sift.transforms.anonymize.Span;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scores predicted spans against the evaluation set's gold values.
 *
 * <p>Match rule: a gold value is <em>found</em> when a predicted span of the same type overlaps it;
 * a predicted span is <em>correct</em> when it overlaps a gold value of the same type. Recall is
 * found / gold values; precision is correct / predicted spans. Overlap rather than exact
 * boundaries, because replacing {@code <jane@example.com>} or {@code jane@example.com} protects the
 * same address; boundaries still count through the share of non-PII tokens changed.
 *
 * <p>Non-PII tokens: whitespace-separated tokens that no gold value overlaps; one is changed when
 * any predicted span overlaps it. Hard negatives: a planted negative is changed when any predicted
 * span overlaps it.
 */
final class PiiScore {
  private static final int CONTEXT_CHARS = 40;

  /** A value the detector missed or invented, with the text around it. */
  record Example(String value, String context, String note) {}

  /** The counts of one entity type. */
  static final class TypeCounts {
    int gold;
    int found;
    int predicted;
    int correct;
    final List<Example> misses = new ArrayList<>();
    final List<Example> falsePositives = new ArrayList<>();

    int falseNegatives() {
      return gold - found;
    }

    int falsePositiveCount() {
      return predicted - correct;
    }

    /** NaN when nothing was predicted. */
    double precision() {
      return predicted == 0 ? Double.NaN : (double) correct / predicted;
    }

    double recall() {
      return gold == 0 ? Double.NaN : (double) found / gold;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** How many hard negatives of a kind were planted and how many a predicted span touched. */
  static final class NegativeCounts {
    int planted;
    int changed;
    final List<Example> changedExamples = new ArrayList<>();
  }

  private final int examplesPerType;
  private final Map<EntityType, TypeCounts> types = new EnumMap<>(EntityType.class);
  private final Map<NegativeKind, NegativeCounts> negatives = new EnumMap<>(NegativeKind.class);
  private long nonPiiTokens;
  private long nonPiiTokensChanged;

  PiiScore(int examplesPerType) {
    this.examplesPerType = examplesPerType;
    for (EntityType type : EntityType.values()) {
      types.put(type, new TypeCounts());
    }
    for (NegativeKind kind : NegativeKind.values()) {
      negatives.put(kind, new NegativeCounts());
    }
  }

  /** Scores one message's predictions. */
  void add(EvalMessage message, List<Span> predicted) {
    String text = message.content();
    for (GoldSpan gold : message.spans()) {
      TypeCounts counts = types.get(gold.type());
      counts.gold++;
      if (predicted.stream()
          .anyMatch(p -> p.type() == gold.type() && gold.overlaps(p.start(), p.end()))) {
        counts.found++;
      } else if (counts.misses.size() < examplesPerType) {
        counts.misses.add(example(text, gold.start(), gold.end(), predictedOver(predicted, gold)));
      }
    }
    for (Span span : predicted) {
      TypeCounts counts = types.get(span.type());
      counts.predicted++;
      if (message.spans().stream()
          .anyMatch(g -> g.type() == span.type() && g.overlaps(span.start(), span.end()))) {
        counts.correct++;
      } else if (counts.falsePositives.size() < examplesPerType) {
        counts.falsePositives.add(
            example(text, span.start(), span.end(), goldUnder(message, span)));
      }
    }
    for (NegativeSpan negative : message.negatives()) {
      NegativeCounts counts = negatives.get(negative.kind());
      counts.planted++;
      if (predicted.stream().anyMatch(p -> negative.overlaps(p.start(), p.end()))) {
        counts.changed++;
        if (counts.changedExamples.size() < examplesPerType) {
          counts.changedExamples.add(
              example(
                  text,
                  negative.start(),
                  negative.end(),
                  "hit by " + types(predicted, negative.start(), negative.end())));
        }
      }
    }
    countTokens(message, predicted);
  }

  private void countTokens(EvalMessage message, List<Span> predicted) {
    String text = message.content();
    int i = 0;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int end = i;
      if (message.spans().stream().noneMatch(g -> g.overlaps(start, end))) {
        nonPiiTokens++;
        if (predicted.stream().anyMatch(p -> p.start() < end && start < p.end())) {
          nonPiiTokensChanged++;
        }
      }
    }
  }

  TypeCounts counts(EntityType type) {
    return types.get(type);
  }

  NegativeCounts negatives(NegativeKind kind) {
    return negatives.get(kind);
  }

  long nonPiiTokens() {
    return nonPiiTokens;
  }

  long nonPiiTokensChanged() {
    return nonPiiTokensChanged;
  }

  /** All types together: gold, found, predicted and correct summed. */
  TypeCounts total() {
    TypeCounts total = new TypeCounts();
    for (TypeCounts counts : types.values()) {
      total.gold += counts.gold;
      total.found += counts.found;
      total.predicted += counts.predicted;
      total.correct += counts.correct;
    }
    return total;
  }

  private static String predictedOver(List<Span> predicted, GoldSpan gold) {
    String over = types(predicted, gold.start(), gold.end());
    return over.isEmpty() ? "not detected" : "detected as " + over;
  }

  private static String goldUnder(EvalMessage message, Span span) {
    String under =
        message.spans().stream()
            .filter(g -> g.overlaps(span.start(), span.end()))
            .map(g -> g.type().code())
            .distinct()
            .collect(Collectors.joining(", "));
    return under.isEmpty() ? "no gold value there" : "gold there is " + under;
  }

  private static String types(List<Span> predicted, int start, int end) {
    return predicted.stream()
        .filter(p -> p.start() < end && start < p.end())
        .map(p -> p.type().code())
        .distinct()
        .collect(Collectors.joining(", "));
  }

  private static Example example(String text, int start, int end, String note) {
    return new Example(text.substring(start, end), inContext(text, start, end), note);
  }

  /** {@code text[start, end)} marked ⟦so⟧, with up to 40 characters each side, on one line. */
  static String inContext(String text, int start, int end) {
    int from = Math.max(0, start - CONTEXT_CHARS);
    int to = Math.min(text.length(), end + CONTEXT_CHARS);
    String context =
        (from > 0 ? "…" : "")
            + text.substring(from, start)
            + "⟦"
            + text.substring(start, end)
            + "⟧"
            + text.substring(end, to)
            + (to < text.length() ? "…" : "");
    return oneLine(context);
  }

  private static String oneLine(String text) {
    return text.replace("\n", "⏎");
  }
}
