package dev.sift.transforms.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sift.schemas.Reason;

/** What both JSON readers share: a strict mapper, error classification, and routing a record. */
final class JsonRecords {
  /** For a whole record: duplicate keys and trailing content are errors, not silently resolved. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * For stepping over the records of a larger document, which of course continues after each one.
   * Not strict about duplicate keys: each record is parsed again with {@link #MAPPER}, so that a
   * duplicate dead-letters its record alone rather than the rest of the file.
   */
  static final ObjectMapper STREAMING_MAPPER =
      JsonMapper.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  private JsonRecords() {}

  /** {@code truncated_record} when the text ends inside a value, else {@code invalid_json}. */
  static Reason reasonFor(JsonProcessingException e) {
    return e instanceof JsonEOFException ? Reason.TRUNCATED_RECORD : Reason.INVALID_JSON;
  }

  static String problemFor(JsonProcessingException e) {
    String column =
        e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
    String what =
        e instanceof JsonEOFException
            ? "JSON ends before the record is complete: "
            : "invalid JSON: ";
    return what + e.getOriginalMessage().replaceAll("\\s+", " ") + column;
  }

  /** Parses {@code record} into a conversation, or dead-letters it with the reason. */
  static void emit(
      JsonNode record, long line, long ordinal, String raw, FileContext context, RecordSink sink) {
    JsonConversationParser parser = new JsonConversationParser(context);
    InputFormat format;
    try {
      format = parser.formatOf(record);
    } catch (RecordException e) {
      sink.deadLetter(
          context.source(line, ordinal, unknownOrForced(context)), e.reason(), e.problem(), raw);
      return;
    }
    try {
      sink.conversation(parser.parse(record, format, line, ordinal));
    } catch (RecordException e) {
      sink.deadLetter(context.source(line, ordinal, format.code()), e.reason(), e.problem(), raw);
    }
  }

  /** The format to name on a record whose shape could not be told. */
  static String unknownOrForced(FileContext context) {
    InputFormat forced = context.forcedFormat();
    return forced == InputFormat.AUTO ? "unknown" : forced.code();
  }
}
