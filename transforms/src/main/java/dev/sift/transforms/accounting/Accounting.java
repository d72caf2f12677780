package dev.sift.transforms.accounting;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * Metrics counters for the record balance: every record read ends emitted, filtered or
 * dead-lettered. Counter names are {@code read}, {@code emitted.<output>}, {@code
 * filtered.<reason>} and {@code dead_letter.<reason>} in the {@code sift} namespace. They feed the
 * progress and end-of-run lines; the report computes the same numbers as data, since runners differ
 * in which metrics they support.
 */
public final class Accounting {
  public static final String NAMESPACE = "sift";
  public static final String READ = "read";
  public static final String EMITTED_PREFIX = "emitted.";
  public static final String FILTERED_PREFIX = "filtered.";
  public static final String DEAD_LETTER_PREFIX = "dead_letter.";

  private static final Counter READ_COUNTER = Metrics.counter(NAMESPACE, READ);

  private Accounting() {}

  public static void read() {
    READ_COUNTER.inc();
  }

  public static void emitted(String output) {
    Metrics.counter(NAMESPACE, EMITTED_PREFIX + output).inc();
  }

  public static void filtered(String reason) {
    Metrics.counter(NAMESPACE, FILTERED_PREFIX + reason).inc();
  }

  public static void deadLettered(String reason) {
    Metrics.counter(NAMESPACE, DEAD_LETTER_PREFIX + reason).inc();
  }
}
