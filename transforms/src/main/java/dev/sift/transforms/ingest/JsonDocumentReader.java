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
 * concatenated. Streamed in constant memory: each record is first skipped over by the streaming
 * parser, which never holds its strings, while its text is kept up to the bound; a record within
 * the bound is then parsed from that text, a longer one is dead-lettered. So one record that is too
 * large, not UTF-8 or has a duplicate key is dead-lettered on its own; a syntax error ends the
 * file, and its rest becomes one dead letter.
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
            readRecord(parser, text, ++ordinal, context, sink);
          }
        } else {
          readRecord(parser, text, ++ordinal, context, sink);
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
      JsonParser parser, TailReader text, long ordinal, FileContext context, RecordSink sink)
      throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    long line = start.getLineNr();
    String format = JsonRecords.unknownOrForced(context);
    int maxBytes = context.ingest().maxRecordBytes();
    text.capture(start.getCharOffset(), maxBytes + 1);
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      // Not a record, and possibly a huge one: left for the parser to skip, never read.
      sink.deadLetter(
          context.source(line, ordinal, format),
          Reason.WRONG_FIELD_TYPE,
          "a record must be a JSON object, got string",
          text.captured());
      return;
    }
    parser.skipChildren();
    long length = parser.currentLocation().getCharOffset() - start.getCharOffset();
    String raw = text.captured();
    if (length > maxBytes) {
      sink.deadLetter(
          context.source(line, ordinal, format),
          Reason.RECORD_TOO_LARGE,
          "record is " + length + " characters, over ingest.maxRecordBytes=" + maxBytes,
          raw);
      return;
    }
    raw = raw.substring(0, (int) length);
    if (raw.indexOf(Decoding.REPLACEMENT) >= 0) {
      sink.deadLetter(
          context.source(line, ordinal, format),
          Reason.INVALID_UTF8,
          "record holds bytes that are not valid UTF-8 (shown as U+FFFD)",
          raw);
      return;
    }
    JsonNode record;
    try {
      record = JsonRecords.MAPPER.readTree(raw);
    } catch (JsonProcessingException e) {
      sink.deadLetter(
          context.source(line, ordinal, format),
          JsonRecords.reasonFor(e),
          JsonRecords.problemFor(e),
          raw);
      return;
    }
    JsonRecords.emit(record, line, ordinal, raw, context, sink);
  }
}
