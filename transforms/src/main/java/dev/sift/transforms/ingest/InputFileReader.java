package dev.sift.transforms.ingest;

import dev.sift.schemas.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads one input file, whatever it holds, into {@code sink}: gzip is recognised by its magic
 * bytes, the format by the name and the first bytes ({@link FormatSniffer}). Outside Beam, so that
 * tests can fuzz a whole file's reading directly; {@link ParseFilesFn} runs it inside a pipeline.
 */
final class InputFileReader {
  private static final int HEAD_BYTES = 64 * 1024;
  private static final int BUFFER_BYTES = 256 * 1024;

  private InputFileReader() {}

  /**
   * Reads all of {@code raw}, named {@code path}. An {@link IOException} means the rest of the file
   * could not be read (a corrupt gzip stream, an I/O error); the caller dead-letters that rest.
   */
  static void read(String path, InputStream raw, FileContext context, RecordSink sink)
      throws IOException {
    try (raw;
        HeadReplayStream in = new HeadReplayStream(decompressed(raw), HEAD_BYTES)) {
      String head = new String(in.head(), StandardCharsets.UTF_8);
      Optional<FormatReader> reader = FormatSniffer.readerFor(path, head, context);
      if (reader.isPresent()) {
        reader.get().read(in, context, sink);
      } else if (!head.isBlank()) {
        sink.deadLetter(
            context.source(0, 0, "unknown"),
            Reason.UNKNOWN_FORMAT,
            "no supported format recognised (use a .jsonl, .json, .csv or .txt name, or --format)",
            head);
      }
    }
  }

  /**
   * The bytes, decompressed when they start with the gzip magic number. The decompressed stream is
   * not buffered: see {@link HeadReplayStream}.
   */
  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    boolean gzip = first == 0x1f && second == 0x8b;
    return gzip ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered;
  }
}
