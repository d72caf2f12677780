package dev.sift.transforms.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.Reason;
import java.io.IOException;
import java.io.InputStream;

/** JSON Lines: one record per line; blank lines are not records. */
final class JsonLinesReader implements FormatReader {

  @Override
  public void read(InputStream in, FileContext context, RecordSink sink) throws IOException {
    int maxBytes = context.ingest().maxRecordBytes();
    LineReader lines = new LineReader(in, maxBytes);
    long ordinal = 0;
    for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
      if (line.blank()) {
        continue;
      }
      ordinal++;
      String format = JsonRecords.unknownOrForced(context);
      if (line.tooLarge()) {
        sink.deadLetter(
            context.source(line.number(), ordinal, format),
            Reason.RECORD_TOO_LARGE,
            "line is " + line.length() + " bytes, over ingest.maxRecordBytes=" + maxBytes,
            line.lossyText());
        continue;
      }
      String text;
      try {
        text = line.text();
      } catch (LineReader.InvalidUtf8Exception e) {
        sink.deadLetter(
            context.source(line.number(), ordinal, format),
            Reason.INVALID_UTF8,
            e.getMessage(),
            line.lossyText());
        continue;
      }
      JsonNode record;
      try {
        record = JsonRecords.MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        sink.deadLetter(
            context.source(line.number(), ordinal, format),
            JsonRecords.reasonFor(e),
            JsonRecords.problemFor(e),
            text);
        continue;
      }
      JsonRecords.emit(record, line.number(), ordinal, text, context, sink);
    }
  }
}
