package dev.sift.transforms.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text decoding for formats whose records may span lines (JSON documents, CSV). */
final class Decoding {
  /** What a lenient decoder puts in place of bytes that are not UTF-8. */
  static final char REPLACEMENT = '\uFFFD';

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private Decoding() {}

  /**
   * Decodes UTF-8, replacing invalid bytes with {@link #REPLACEMENT} so the reader can dead-letter
   * just the records that hold them, and drops a leading byte-order mark.
   */
  static Reader lenientUtf8(InputStream in) {
    Reader reader =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    return new SkipByteOrderMark(reader);
  }

  private static final class SkipByteOrderMark extends FilterReader {
    private boolean first = true;

    SkipByteOrderMark(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (first && n > 0) {
        first = false;
        if (buffer[offset] == BYTE_ORDER_MARK) {
          System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
          return n - 1 == 0 ? read(buffer, offset, length) : n - 1;
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0];
    }
  }
}
