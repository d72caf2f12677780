package dev.sift.transforms.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits a byte stream into lines without trusting it: a line longer than the bound is counted but
 * not held in memory (only its first {@code maxBytes} are kept), {@code \r\n} and a leading UTF-8
 * byte-order mark are removed, and decoding is strict so invalid UTF-8 is reported rather than
 * silently replaced.
 */
final class LineReader {

  /**
   * One line: its 1-based number, its bytes (at most the bound), its full length, and whether all
   * of it, kept or not, is spaces and tabs.
   */
  record Line(long number, byte[] bytes, long length, boolean blank) {

    boolean tooLarge() {
      return length > bytes.length;
    }

    /** Strict UTF-8; the exception names the column of the first bad byte. */
    String text() throws InvalidUtf8Exception {
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      try {
        return decoder.decode(buffer).toString();
      } catch (CharacterCodingException e) {
        throw new InvalidUtf8Exception(bytes, buffer.position());
      }
    }

    /** For dead letters: bad bytes become U+FFFD. */
    String lossyText() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** Bytes that are not UTF-8, with the 1-based column of the first bad byte. */
  static final class InvalidUtf8Exception extends Exception {
    InvalidUtf8Exception(byte[] bytes, int offset) {
      super(
          String.format(
              Locale.ROOT,
              "invalid UTF-8 byte 0x%02X at column %d",
              offset < bytes.length ? bytes[offset] & 0xff : 0,
              offset + 1));
    }
  }

  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final int maxBytes;
  private final byte[] chunk = new byte[CHUNK];
  private int chunkPos;
  private int chunkLen;
  private long lineNumber;
  private boolean eof;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    if (eof && chunkPos >= chunkLen) {
      return null;
    }
    byte[] kept = new byte[Math.min(maxBytes, 256)];
    int keptLen = 0;
    long length = 0;
    boolean droppedText = false;
    boolean sawAny = false;
    while (true) {
      if (chunkPos >= chunkLen && !fill()) {
        if (!sawAny) {
          return null;
        }
        break;
      }
      sawAny = true;
      int newline = indexOfNewline();
      int end = newline < 0 ? chunkLen : newline;
      int n = end - chunkPos;
      int room = maxBytes - keptLen;
      if (room > 0) {
        int copy = Math.min(room, n);
        if (keptLen + copy > kept.length) {
          kept = Arrays.copyOf(kept, Math.min(maxBytes, Math.max(kept.length * 2, keptLen + copy)));
        }
        System.arraycopy(chunk, chunkPos, kept, keptLen, copy);
        keptLen += copy;
      }
      if (!droppedText && room < n) {
        droppedText = !isBlank(chunk, chunkPos + Math.max(room, 0), end);
      }
      length += n;
      chunkPos = newline < 0 ? chunkLen : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    lineNumber++;
    if (length == keptLen && keptLen > 0 && kept[keptLen - 1] == '\r') {
      keptLen--;
      length--;
    }
    int start = lineNumber == 1 ? byteOrderMarkLength(kept, keptLen) : 0;
    boolean blank = !droppedText && isBlank(kept, start, keptLen);
    return new Line(lineNumber, Arrays.copyOfRange(kept, start, keptLen), length - start, blank);
  }

  /** Whether {@code bytes[from, to)} holds only spaces, tabs and carriage returns. */
  static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(chunk);
    if (n < 0) {
      eof = true;
      return false;
    }
    chunkPos = 0;
    chunkLen = n;
    return true;
  }

  private int indexOfNewline() {
    for (int i = chunkPos; i < chunkLen; i++) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int byteOrderMarkLength(byte[] bytes, int len) {
    return len >= 3
            && (bytes[0] & 0xff) == 0xEF
            && (bytes[1] & 0xff) == 0xBB
            && (bytes[2] & 0xff) == 0xBF
        ? 3
        : 0;
  }
}
