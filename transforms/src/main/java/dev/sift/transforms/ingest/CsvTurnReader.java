package dev.sift.transforms.ingest;

import dev.sift.schemas.Reason;
import dev.sift.schemas.Role;
import dev.sift.schemas.spec.CsvSpec;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV exports with one row per turn (RFC 4180 quoting, multi-line fields). Rows are emitted as
 * {@link CsvTurn}s keyed by file and conversation id, to be grouped into conversations; a row that
 * cannot be tied to a conversation is a record of its own and is dead-lettered here.
 */
final class CsvTurnReader implements FormatReader {
  private static final String FORMAT = InputFormat.CSV.code();
  private static final CSVFormat RAW = CSVFormat.RFC4180;

  /** What the parser may have read past the end of a record into its buffer. */
  static final int READ_AHEAD = 64 * 1024;

  @Override
  public void read(InputStream in, FileContext context, RecordSink sink) throws IOException {
    CsvSpec spec = context.ingest().csv();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(spec.delimiter().charAt(0))
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .get();
    int maxBytes = context.ingest().maxRecordBytes();
    BoundedReader text = new BoundedReader(Decoding.lenientUtf8(in), maxBytes + READ_AHEAD);
    CSVParser parser;
    try {
      parser = CSVParser.builder().setReader(text).setFormat(format).get();
    } catch (IllegalArgumentException | CSVException | RecordTooLargeException e) {
      sink.deadLetter(
          context.source(1, 1, FORMAT),
          e instanceof RecordTooLargeException ? Reason.RECORD_TOO_LARGE : Reason.CSV_MALFORMED_ROW,
          "cannot read the CSV header: " + e.getMessage() + "; the file was not read",
          "");
      return;
    }
    try (parser) {
      List<String> header = parser.getHeaderNames();
      List<String> missing = missingColumns(header, spec);
      long linesBefore = parser.getCurrentLineNumber();
      long row = 0;
      Iterator<CSVRecord> rows = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!rows.hasNext()) {
            break;
          }
          record = rows.next();
        } catch (UncheckedIOException e) {
          if (!(e.getCause() instanceof CSVException)
              && !(e.getCause() instanceof RecordTooLargeException)) {
            throw e.getCause(); // The stream failed, not the CSV: the caller dead-letters the rest.
          }
          sink.deadLetter(
              context.source(linesBefore + 1, row + 1, FORMAT),
              e.getCause() instanceof RecordTooLargeException
                  ? Reason.RECORD_TOO_LARGE
                  : Reason.CSV_MALFORMED_ROW,
              "cannot parse CSV: "
                  + e.getCause().getMessage()
                  + "; the rest of the file was not read",
              "");
          return;
        }
        text.recordEnded();
        long line = linesBefore + 1;
        linesBefore = parser.getCurrentLineNumber();
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue;
        }
        row++;
        readRow(record, line, row, header, missing, context, sink);
      }
    }
  }

  private static void readRow(
      CSVRecord record,
      long line,
      long row,
      List<String> header,
      List<String> missing,
      FileContext context,
      RecordSink sink) {
    CsvSpec spec = context.ingest().csv();
    String raw = RAW.format(record.values());
    var source = context.source(line, row, FORMAT);
    if (!missing.isEmpty()) {
      sink.deadLetter(
          source,
          Reason.CSV_MISSING_COLUMN,
          "the header lacks column(s) "
              + String.join(", ", missing)
              + " named in ingest.csv (header: "
              + String.join(", ", header)
              + ")",
          raw);
      return;
    }
    if (!record.isConsistent()) {
      sink.deadLetter(
          source,
          Reason.CSV_MALFORMED_ROW,
          "row has " + record.size() + " fields, the header has " + header.size(),
          raw);
      return;
    }
    String conversationId = record.get(spec.conversationIdColumn()).strip();
    if (conversationId.isEmpty()) {
      sink.deadLetter(
          source,
          Reason.CSV_MALFORMED_ROW,
          "column " + spec.conversationIdColumn() + " is empty",
          raw);
      return;
    }
    String file = context.file();
    String roleValue = record.get(spec.roleColumn());
    Role role = context.roleAliases().get(roleValue.strip().toLowerCase(Locale.ROOT));
    int maxBytes = context.ingest().maxRecordBytes();
    Reason failure = null;
    String problem = null;
    if (raw.length() > maxBytes) {
      failure = Reason.RECORD_TOO_LARGE;
      problem = "row is " + raw.length() + " characters, over ingest.maxRecordBytes=" + maxBytes;
    } else if (raw.indexOf(Decoding.REPLACEMENT) >= 0) {
      failure = Reason.INVALID_UTF8;
      problem = "the row holds bytes that are not valid UTF-8 (shown as U+FFFD)";
    } else if (role == null) {
      failure = Reason.UNKNOWN_ROLE;
      problem = "role '" + roleValue + "' is not a known role; add it to the spec's ingest.roles";
    }
    if (failure != null) {
      sink.csvTurn(
          CsvTurn.failed(
              file, line, row, conversationId, raw, failure, "line " + line + ": " + problem));
      return;
    }
    String order = header.contains(spec.orderColumn()) ? record.get(spec.orderColumn()) : null;
    String name = header.contains(spec.nameColumn()) ? record.get(spec.nameColumn()).strip() : "";
    sink.csvTurn(
        CsvTurn.create(
            file,
            line,
            row,
            conversationId,
            order,
            role.wireName(),
            record.get(spec.textColumn()),
            name.isEmpty() ? null : name,
            metadata(record, header, spec),
            raw));
  }

  private static List<String> missingColumns(List<String> header, CsvSpec spec) {
    List<String> missing = new ArrayList<>();
    for (String column :
        List.of(spec.conversationIdColumn(), spec.roleColumn(), spec.textColumn())) {
      if (!header.contains(column)) {
        missing.add(column);
      }
    }
    return missing;
  }

  /** Every non-empty column other than those that make the turn; the id column is kept. */
  private static Map<String, String> metadata(CSVRecord record, List<String> header, CsvSpec spec) {
    List<String> turnColumns =
        List.of(spec.orderColumn(), spec.roleColumn(), spec.textColumn(), spec.nameColumn());
    Map<String, String> metadata = new TreeMap<>();
    for (String column : header) {
      String value = record.get(column);
      if (!turnColumns.contains(column) && !value.isBlank()) {
        metadata.put(column, value.strip());
      }
    }
    return metadata;
  }

  /** A CSV record that runs past the bound, so far that it cannot be read. */
  private static final class RecordTooLargeException extends IOException {
    RecordTooLargeException(long bound) {
      super(
          "a record runs past "
              + bound
              + " characters (ingest.maxRecordBytes and the parser's read-ahead); an unclosed"
              + " quote?");
    }
  }

  /**
   * Stops the parser once it has read more than {@code bound} characters since the last record it
   * returned: an unclosed quote would otherwise pull the rest of the file into one field.
   */
  private static final class BoundedReader extends FilterReader {
    private final long bound;
    private long sinceRecord;

    BoundedReader(Reader in, long bound) {
      super(in);
      this.bound = bound;
    }

    void recordEnded() {
      sinceRecord = 0;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      sinceRecord += Math.max(n, 0);
      if (sinceRecord > bound) {
        throw new RecordTooLargeException(bound);
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0 && ++sinceRecord > bound) {
        throw new RecordTooLargeException(bound);
      }
      return c;
    }
  }
}
