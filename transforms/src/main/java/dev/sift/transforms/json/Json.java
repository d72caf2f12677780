package dev.sift.transforms.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.Message;
import dev.sift.schemas.SourceRef;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of Sift's records, one place for every output, so that the same record always gives
 * the same bytes: fields in a fixed order, map keys sorted.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** One line of JSON, without a line break. */
  public static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented JSON with a final line break, for documents people read. */
  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode source(SourceRef source) {
    ObjectNode node = object();
    node.put("file", source.getFile());
    node.put("line", source.getLine());
    node.put("record", source.getRecord());
    node.put("format", source.getFormat());
    return node;
  }

  /** Messages as {@code [{"role":..,"content":..,"name":..}]}; names only when asked and known. */
  public static ArrayNode messages(List<Message> messages, boolean withNames) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Message message : messages) {
      ObjectNode node = array.addObject();
      node.put("role", message.getRole());
      node.put("content", message.getContent());
      if (withNames && message.getName() != null) {
        node.put("name", message.getName());
      }
    }
    return array;
  }

  public static ObjectNode stringMap(Map<String, String> map) {
    ObjectNode node = object();
    new TreeMap<>(map).forEach(node::put);
    return node;
  }

  /** The canonical record, as the conversation schema describes it. */
  public static ObjectNode conversation(Conversation conversation) {
    ObjectNode node = object();
    node.put("id", conversation.getId());
    node.put("task", conversation.getTask());
    node.set("source", source(conversation.getSource()));
    node.set("messages", messages(conversation.getMessages(), true));
    node.set("metadata", stringMap(conversation.getMetadata()));
    return node;
  }

  public static ObjectNode deadLetter(DeadLetter deadLetter) {
    ObjectNode node = object();
    node.set("source", source(deadLetter.getSource()));
    node.put("task", deadLetter.getTask());
    node.put("stage", deadLetter.getStage());
    node.put("reason", deadLetter.getReason());
    node.put("message", deadLetter.getMessage());
    node.put("raw", deadLetter.getRaw());
    node.put("rawTruncated", deadLetter.isRawTruncated());
    return node;
  }

  public static ObjectNode filtered(Filtered filtered) {
    ObjectNode node = object();
    node.put("id", filtered.getId());
    node.put("task", filtered.getTask());
    node.set("source", source(filtered.getSource()));
    node.put("stage", filtered.getStage());
    node.put("reason", filtered.getReason());
    node.put("detail", filtered.getDetail());
    return node;
  }
}
