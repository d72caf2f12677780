package dev.sift.transforms.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Reads one file of one container format, accounting for every record it finds in {@code sink}. */
interface FormatReader {

  /**
   * Reads all of {@code in}. An {@link IOException} means the rest of the file could not be read;
   * the caller dead-letters that rest as one record.
   */
  void read(InputStream in, FileContext context, RecordSink sink) throws IOException;
}
