package dev.sift.transforms.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the first bytes of a stream for format sniffing, then serves them again before the rest.
 * Unlike {@code BufferedInputStream}, it never reads further than its caller asks: on a stream that
 * fails part-way (a truncated gzip upload), every byte before the failure reaches the reader, which
 * then meets the failure at its real place.
 */
final class HeadReplayStream extends InputStream {
  private final InputStream in;
  private final byte[] head;
  private int position;

  /** Reads up to {@code headBytes} bytes; a read error only shortens the head. */
  HeadReplayStream(InputStream in, int headBytes) {
    this.in = in;
    byte[] buffer = new byte[headBytes];
    int length = 0;
    try {
      while (length < headBytes) {
        int n = in.read(buffer, length, headBytes - length);
        if (n < 0) {
          break;
        }
        length += n;
      }
    } catch (IOException e) {
      // The reader meets it again after the head, with the line where reading stopped.
    }
    head = Arrays.copyOf(buffer, length);
  }

  byte[] head() {
    return head.clone();
  }

  @Override
  public int read() throws IOException {
    return position < head.length ? head[position++] & 0xff : in.read();
  }

  /** Serves the head, or else reads once from the stream: never both in one call. */
  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (position < head.length) {
      int n = Math.min(length, head.length - position);
      System.arraycopy(head, position, buffer, offset, n);
      position += n;
      return n;
    }
    return in.read(buffer, offset, length);
  }

  /** Only what is surely there, so that decoders do not read ahead into a failure. */
  @Override
  public int available() {
    return head.length - position;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
