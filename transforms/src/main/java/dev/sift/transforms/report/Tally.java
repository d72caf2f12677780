package dev.sift.transforms.report;

import java.util.List;

/**
 * One counted fact of a run, as a string key: its kind, the task (empty when unknown) and a name
 * (format, reason or output). The report is built from the counts of these keys.
 */
record Tally(Kind kind, String task, String name) {
  private static final String SEPARATOR = "\u0000";

  enum Kind {
    /** A record read; name is its format. */
    READ,
    /** A conversation that survived validation and deduplication. */
    KEPT,
    /** Name is the output: train, validation or few_shot. */
    EMITTED,
    /** Name is the filter reason. */
    FILTERED,
    /** Name is the dead-letter reason. */
    DEAD_LETTER,
    /** A value replaced by the anonymiser; name is its entity type. Not a record. */
    ENTITY,
    /** A duplicate cluster of two or more; task is its kept conversation's, name its size. */
    CLUSTER,
    /** A node of the duplicate graph whose component had not converged; no task, no name. */
    UNSETTLED
  }

  static String key(Kind kind, String task, String name) {
    return String.join(SEPARATOR, kind.name(), task, name);
  }

  static Tally parse(String key) {
    List<String> parts = List.of(key.split(SEPARATOR, -1));
    return new Tally(Kind.valueOf(parts.get(0)), parts.get(1), parts.get(2));
  }
}
