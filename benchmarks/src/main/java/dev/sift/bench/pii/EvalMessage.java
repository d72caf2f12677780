package dev.sift.bench.pii;

import java.util.List;

/** One turn of an evaluation conversation with its planted values and hard negatives. */
public record EvalMessage(
    String role, String content, List<GoldSpan> spans, List<NegativeSpan> negatives) {

  public EvalMessage {
    spans = List.copyOf(spans);
    negatives = List.copyOf(negatives);
  }
}
