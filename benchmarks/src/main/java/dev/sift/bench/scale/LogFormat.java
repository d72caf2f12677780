package dev.sift.bench.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/**
 * The input formats Sift reads, as the synthetic log generator writes them: each renders one
 * conversation as one record, or a malformed record that Sift must dead-letter.
 */
enum LogFormat {
  OPENAI("jsonl") {
    @Override
    String record(SyntheticConversation conversation, boolean malformed) {
      ObjectNode record = header(conversation);
      ArrayNode messages = record.putArray("messages");
      conversation
          .messages()
          .forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
      String json = record.toString();
      // A record cut off in the middle, as an interrupted export leaves it.
      return (malformed ? json.substring(0, json.length() / 2) : json) + "\n";
    }
  },
  SHAREGPT("jsonl") {
    @Override
    String record(SyntheticConversation conversation, boolean malformed) {
      ObjectNode record = header(conversation);
      if (malformed) {
        record.put("conversations", "no turns here");
        return record + "\n";
      }
      ArrayNode turns = record.putArray("conversations");
      conversation
          .messages()
          .forEach(
              m -> turns.addObject().put("from", shareGptRole(m.role())).put("value", m.content()));
      return record + "\n";
    }
  },
  TRANSCRIPT("txt") {
    @Override
    String record(SyntheticConversation conversation, boolean malformed) {
      StringBuilder block = new StringBuilder();
      if (malformed) {
        block.append("(call transferred, no speaker)\n");
      }
      for (SyntheticConversation.Message m : conversation.messages()) {
        block.append(speaker(m.role())).append(": ").append(m.content()).append('\n');
      }
      return block.append("---\n").toString();
    }
  },
  CSV("csv") {
    @Override
    String record(SyntheticConversation conversation, boolean malformed) {
      StringBuilder rows = new StringBuilder();
      List<SyntheticConversation.Message> messages = conversation.messages();
      for (int turn = 0; turn < messages.size(); turn++) {
        SyntheticConversation.Message m = messages.get(turn);
        rows.append(
            CSV_ROW.format(
                conversation.id(),
                malformed && turn == 1 ? "second" : Integer.toString(turn),
                m.role(),
                m.content(),
                conversation.task()));
        rows.append('\n');
      }
      return rows.toString();
    }

    @Override
    String fileHeader() {
      return "conversation_id,turn_index,role,text,task\n";
    }
  };

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final CSVFormat CSV_ROW =
      CSVFormat.RFC4180.builder().setRecordSeparator("").build();

  private final String extension;

  LogFormat(String extension) {
    this.extension = extension;
  }

  String extension() {
    return extension;
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** One record, ending with its line break. */
  abstract String record(SyntheticConversation conversation, boolean malformed);

  /** What a file starts with: a CSV header, nothing for the others. */
  String fileHeader() {
    return "";
  }

  static LogFormat fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  private static ObjectNode header(SyntheticConversation conversation) {
    ObjectNode record = MAPPER.createObjectNode();
    record.put("id", conversation.id());
    record.put("task", conversation.task());
    conversation.agent().ifPresent(agent -> record.putObject("metadata").put("agent", agent));
    return record;
  }

  private static String shareGptRole(String role) {
    return switch (role) {
      case "user" -> "human";
      case "assistant" -> "gpt";
      default -> role;
    };
  }

  private static String speaker(String role) {
    return switch (role) {
      case "user" -> "User";
      case "assistant" -> "Assistant";
      default -> "System";
    };
  }
}
