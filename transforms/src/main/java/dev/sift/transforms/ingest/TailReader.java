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

  TailReader(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      ring[(int) ((total + i) % CAPACITY)] = buffer[offset + i];
    }
    total += Math.max(n, 0);
    return n;
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
