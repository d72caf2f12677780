package dev.sift.transforms.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * A JSON document: an array of records (the usual ShareGPT file), a single record, or several
 * concatenated. Streamed, so a file of any size is read in constant memory apart from one record.
 * Bytes are decoded leniently so that one record with invalid UTF-8 is dead-lettered on its own; a
 * syntax error ends the file, and its rest becomes one dead letter.
 */
final class JsonDocumentReader implements FormatReader {

  @Override
  public void read(InputStream in, FileContext context, RecordSink sink) throws IOException {
    TailReader text = new TailReader(Decoding.lenientUtf8(in));
    long ordinal = 0;
    try (JsonParser parser = JsonRecords.STREAMING_MAPPER.createParser((Reader) text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_ARRAY) {
          for (token = parser.nextToken();
              token != JsonToken.END_ARRAY;
              token = parser.nextToken()) {
            readRecord(parser, ++ordinal, context, sink);
          }
        } else {
          readRecord(parser, ++ordinal, context, sink);
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      long line = at == null ? 0 : at.getLineNr();
      String problem = JsonRecords.problemFor(e) + "; the rest of the file from here was not read";
      String raw = at == null ? text.tail() : text.around(at.getCharOffset());
      sink.deadLetter(
          context.source(line, ordinal + 1, JsonRecords.unknownOrForced(context)),
          JsonRecords.reasonFor(e),
          problem,
          raw);
    }
  }

  private static void readRecord(
      JsonParser parser, long ordinal, FileContext context, RecordSink sink) throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    JsonNode record = parser.readValueAsTree();
    long length = parser.currentLocation().getCharOffset() - start.getCharOffset();
    long line = start.getLineNr();
    String raw = record.toString();
    int maxBytes = context.ingest().maxRecordBytes();
    String format = JsonRecords.unknownOrForced(context);
    if (length > maxBytes) {
      sink.deadLetter(
          context.source(line, ordinal, format),
          Reason.RECORD_TOO_LARGE,
          "record is " + length + " characters, over ingest.maxRecordBytes=" + maxBytes,
          raw);
    } else if (raw.indexOf(Decoding.REPLACEMENT) >= 0) {
      sink.deadLetter(
          context.source(line, ordinal, format),
          Reason.INVALID_UTF8,
          "record holds bytes that are not valid UTF-8 (shown as U+FFFD)",
          raw);
    } else {
      JsonRecords.emit(record, line, ordinal, raw, context, sink);
    }
  }
}
