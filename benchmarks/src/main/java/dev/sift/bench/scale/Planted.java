package dev.sift.bench.scale;

import java.util.Locale;

/** What the synthetic log generator planted in a record: the ground truth a run is judged by. */
public enum Planted {
  /** A support conversation of its task, with personal data in it, as most records are. */
  CLEAN(0),
  /** The same messages as an earlier clean conversation of the task, under another id. */
  EXACT_DUPLICATE(3),
  /**
   * An earlier clean conversation with a few words changed (Jaccard of 5-gram shingles ~0.8-0.95).
   */
  NEAR_DUPLICATE(4),
  /** An earlier conversation's user turns with another conversation's answers. */
  CONFLICTING_ANSWER(1),
  /** A conversation about something else (cooking, sport, trivia) filed under the task. */
  OFF_TOPIC(2),
  /** A record that cannot be read: truncated JSON, a wrong type, a block without a speaker. */
  MALFORMED(1);

  /** Percent of records, by default. */
  private final int defaultPercent;

  Planted(int defaultPercent) {
    this.defaultPercent = defaultPercent;
  }

  int defaultPercent() {
    return defaultPercent;
  }

  /** The name in labels and options: {@code near_duplicate}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the record copies an earlier conversation, named in its label. */
  boolean hasSource() {
    return this == EXACT_DUPLICATE || this == NEAR_DUPLICATE || this == CONFLICTING_ANSWER;
  }
}
