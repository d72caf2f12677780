package dev.sift.transforms.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text decoding for formats whose records may span lines (JSON documents, CSV). */
final class Decoding {
  /** What a lenient decoder puts in place of bytes that are not UTF-8. */
  static final char REPLACEMENT = '\uFFFD';

  private static final int BYTE_ORDER_MARK = '\uFEFF';

  private Decoding() {}

  /**
   * Decodes UTF-8, replacing invalid bytes with {@link #REPLACEMENT} so the reader can dead-letter
   * just the records that hold them, and drops a leading byte-order mark.
   */
  static Reader lenientUtf8(InputStream in) throws IOException {
    PushbackReader reader =
        new PushbackReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    int first = reader.read();
    if (first >= 0 && first != BYTE_ORDER_MARK) {
      reader.unread(first);
    }
    return reader;
  }
}
