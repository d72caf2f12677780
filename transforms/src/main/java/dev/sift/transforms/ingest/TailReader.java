package dev.sift.transforms.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Remembers the last characters read, so that when a streaming parser fails, the dead letter can
 * show the text around the failure even though the file is never held in memory.
 */
final class TailReader extends FilterReader {
  private static final int CAPACITY = 16 * 1024;
  private static final int RADIUS = 400;

  private final char[] ring = new char[CAPACITY];
  private long total;
  private final StringBuilder captured = new StringBuilder();
  private int captureLimit;

  TailReader(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      ring[(int) ((total + i) % CAPACITY)] = buffer[offset + i];
    }
    if (n > 0 && captured.length() < captureLimit) {
      captured.append(buffer, offset, Math.min(n, captureLimit - captured.length()));
    }
    total += Math.max(n, 0);
    return n;
  }

  /**
   * Starts keeping the first {@code limit} characters from {@code offset} on, for a record that may
   * grow too large to be shown otherwise; {@code offset} must still be remembered.
   */
  void capture(long offset, int limit) {
    captured.setLength(0);
    captureLimit = limit;
    long from = Math.max(Math.max(0, total - CAPACITY), offset);
    long to = Math.min(total, from + limit);
    for (long i = from; i < to; i++) {
      captured.append(ring[(int) (i % CAPACITY)]);
    }
  }

  /** What {@link #capture} kept so far. */
  String captured() {
    return captured.toString();
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0];
  }

  /** The text within a few hundred characters of {@code offset}, as far as it is remembered. */
  String around(long offset) {
    long oldest = Math.max(0, total - CAPACITY);
    long from = Math.max(oldest, offset - RADIUS);
    long to = Math.min(total, Math.max(from, offset + RADIUS));
    return slice(from, to);
  }

  /** The last few hundred characters read. */
  String tail() {
    return slice(Math.max(0, total - 2 * RADIUS), total);
  }

  private String slice(long from, long to) {
    StringBuilder text = new StringBuilder((int) (to - from));
    for (long i = from; i < to; i++) {
      text.append(ring[(int) (i % CAPACITY)]);
    }
    return text.toString();
  }
}
