package dev.sift.transforms.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Reason;
import dev.sift.schemas.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one JSON record into a conversation: OpenAI chat ({@code messages} of {@code role}/{@code
 * content}) or ShareGPT ({@code conversations} of {@code from}/{@code value}, or of {@code
 * role}/{@code content} as some exports write). Every other top-level field, and the fields of a
 * nested {@code metadata} object, become metadata.
 */
final class JsonConversationParser {
  private static final String OPENAI_KEY = "messages";
  private static final String SHAREGPT_KEY = "conversations";

  private final FileContext context;

  JsonConversationParser(FileContext context) {
    this.context = context;
  }

  /** The record's format: the forced one, else the one whose array key it has. */
  InputFormat formatOf(JsonNode record) throws RecordException {
    if (!record.isObject()) {
      throw new RecordException(
          Reason.WRONG_FIELD_TYPE, "a record must be a JSON object, got " + typeOf(record));
    }
    InputFormat forced = context.forcedFormat();
    if (forced == InputFormat.OPENAI || forced == InputFormat.SHAREGPT) {
      return forced;
    }
    if (record.has(OPENAI_KEY)) {
      return InputFormat.OPENAI;
    }
    if (record.has(SHAREGPT_KEY)) {
      return InputFormat.SHAREGPT;
    }
    throw new RecordException(
        Reason.MISSING_FIELD,
        "expected a 'messages' array (OpenAI chat) or a 'conversations' array (ShareGPT); found keys "
            + fieldNames(record));
  }

  Conversation parse(JsonNode record, InputFormat format, long line, long ordinal)
      throws RecordException {
    boolean openAi = format == InputFormat.OPENAI;
    String arrayKey = openAi ? OPENAI_KEY : SHAREGPT_KEY;
    JsonNode turns = record.get(arrayKey);
    if (turns == null || turns.isNull()) {
      throw new RecordException(Reason.MISSING_FIELD, "'" + arrayKey + "' is missing");
    }
    if (!turns.isArray()) {
      throw new RecordException(
          Reason.WRONG_FIELD_TYPE, "'" + arrayKey + "' must be an array, got " + typeOf(turns));
    }
    List<Message> messages = new ArrayList<>(turns.size());
    for (int i = 0; i < turns.size(); i++) {
      String where = arrayKey + "[" + i + "]";
      JsonNode turn = turns.get(i);
      if (!turn.isObject()) {
        throw new RecordException(
            Reason.WRONG_FIELD_TYPE, where + " must be an object, got " + typeOf(turn));
      }
      messages.add(
          openAi || turn.has("role") ? openAiMessage(turn, where) : shareGptTurn(turn, where));
    }
    Map<String, String> metadata = metadata(record, arrayKey);
    return Conversation.of(
        context.taskOf(metadata), context.source(line, ordinal, format.code()), messages, metadata);
  }

  private Message openAiMessage(JsonNode message, String where) throws RecordException {
    Role role = role(requiredText(message, "role", where), where + ".role");
    if (hasNonEmpty(message, "tool_calls") || hasNonEmpty(message, "function_call")) {
      throw new RecordException(
          Reason.UNSUPPORTED_CONTENT, where + " carries tool calls, which Sift does not keep yet");
    }
    JsonNode content = message.get("content");
    if (content == null || content.isNull()) {
      throw new RecordException(Reason.MISSING_FIELD, where + ".content is missing");
    }
    return Message.create(
        role.wireName(), contentText(content, where + ".content"), name(message, where));
  }

  private Message shareGptTurn(JsonNode turn, String where) throws RecordException {
    Role role = role(requiredText(turn, "from", where), where + ".from");
    return Message.create(role.wireName(), requiredText(turn, "value", where), name(turn, where));
  }

  /** A string, or OpenAI's array of content parts of which only text parts are supported. */
  private static String contentText(JsonNode content, String where) throws RecordException {
    if (content.isTextual()) {
      return content.textValue();
    }
    if (!content.isArray()) {
      throw new RecordException(
          Reason.WRONG_FIELD_TYPE,
          where + " must be a string or an array of parts, got " + typeOf(content));
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < content.size(); i++) {
      JsonNode part = content.get(i);
      String type = part.path("type").asText("");
      if (!type.equals("text") || !part.path("text").isTextual()) {
        throw new RecordException(
            Reason.UNSUPPORTED_CONTENT,
            where + "[" + i + "] is a '" + type + "' part; only text parts are kept");
      }
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(part.get("text").textValue());
    }
    return text.toString();
  }

  private Role role(String value, String where) throws RecordException {
    Role role = context.roleAliases().get(value.strip().toLowerCase(Locale.ROOT));
    if (role == null) {
      throw new RecordException(
          Reason.UNKNOWN_ROLE,
          where + " '" + value + "' is not a known role; add it to the spec's ingest.roles");
    }
    return role;
  }

  private static String requiredText(JsonNode node, String field, String where)
      throws RecordException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new RecordException(Reason.MISSING_FIELD, where + "." + field + " is missing");
    }
    if (!value.isTextual()) {
      throw new RecordException(
          Reason.WRONG_FIELD_TYPE, where + "." + field + " must be a string, got " + typeOf(value));
    }
    return value.textValue();
  }

  private static String name(JsonNode node, String where) throws RecordException {
    JsonNode name = node.get("name");
    if (name == null || name.isNull()) {
      return null;
    }
    if (!name.isTextual()) {
      throw new RecordException(
          Reason.WRONG_FIELD_TYPE, where + ".name must be a string, got " + typeOf(name));
    }
    return name.textValue().isBlank() ? null : name.textValue();
  }

  /** Top-level fields other than the turns; a nested {@code metadata} object is flattened. */
  private static Map<String, String> metadata(JsonNode record, String arrayKey) {
    Map<String, String> metadata = new TreeMap<>();
    JsonNode nested = record.get("metadata");
    if (nested != null && nested.isObject()) {
      nested
          .fields()
          .forEachRemaining(field -> putValue(metadata, field.getKey(), field.getValue()));
    }
    record
        .fields()
        .forEachRemaining(
            field -> {
              String key = field.getKey();
              boolean flattened = key.equals("metadata") && field.getValue().isObject();
              if (!key.equals(arrayKey) && !flattened) {
                putValue(metadata, key, field.getValue());
              }
            });
    return metadata;
  }

  private static void putValue(Map<String, String> metadata, String key, JsonNode value) {
    if (!value.isNull()) {
      metadata.put(key, value.isValueNode() ? value.asText() : value.toString());
    }
  }

  private static boolean hasNonEmpty(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty());
  }

  private static String fieldNames(JsonNode record) {
    List<String> names = new ArrayList<>();
    record.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  static String typeOf(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
