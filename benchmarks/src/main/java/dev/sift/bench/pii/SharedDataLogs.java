package dev.sift.bench.pii;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.bench.Args;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code ./bench shared-logs}: writes the public datasets of {@code ../shared/data} that Sift has
 * no reader for (Alpaca instructions, Banking77 queries, Taskmaster dialogues) as OpenAI chat
 * JSONL, one conversation a line, so that {@code ./bench anonymize --logs} can measure the
 * anonymiser on real text. FastChat's ShareGPT file needs no conversion.
 */
public final class SharedDataLogs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SharedDataLogs() {}

  public static void main(String[] argv) throws IOException {
    Args args =
        Args.parse(
            "shared-logs",
            argv,
            "data",
            "the shared datasets' folder (default ../shared/data)",
            "out",
            "the folder to write alpaca.jsonl, banking77.jsonl and taskmaster.jsonl to");
    Path data = Path.of(args.value("data", "../shared/data"));
    Path out = Path.of(args.required("out"));
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException("no datasets folder at " + data);
    }
    Files.createDirectories(out);
    int alpaca =
        write(out.resolve("alpaca.jsonl"), alpaca(data.resolve("alpaca/alpaca_5000.json")));
    int banking = write(out.resolve("banking77.jsonl"), banking77(data.resolve("banking77")));
    int taskmaster = write(out.resolve("taskmaster.jsonl"), taskmaster(data.resolve("taskmaster")));
    System.out.printf(
        "wrote %d Alpaca, %d Banking77 and %d Taskmaster conversations to %s%n",
        alpaca, banking, taskmaster, out);
  }

  /** An instruction (and its input) from the user, the output from the assistant. */
  static List<ArrayNode> alpaca(Path file) throws IOException {
    List<ArrayNode> conversations = new ArrayList<>();
    for (JsonNode record : JSON.readTree(file.toFile())) {
      String input = record.path("input").asText("");
      String prompt =
          record.path("instruction").asText("") + (input.isEmpty() ? "" : "\n\n" + input);
      conversations.add(
          messages()
              .add(message("user", prompt))
              .add(message("assistant", record.path("output").asText(""))));
    }
    return conversations;
  }

  /** Each query of the train and test files, a conversation of one user turn. */
  static List<ArrayNode> banking77(Path folder) throws IOException {
    List<ArrayNode> conversations = new ArrayList<>();
    for (String name : List.of("train.csv", "test.csv")) {
      try (Reader in = Files.newBufferedReader(folder.resolve(name), UTF_8)) {
        for (CSVRecord row :
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
          conversations.add(messages().add(message("user", row.get("text"))));
        }
      }
    }
    return conversations;
  }

  /** Every dialogue of the Taskmaster files (JSON arrays, gzipped or not), in file order. */
  static List<ArrayNode> taskmaster(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(f -> f.toString().matches(".*\\.json(\\.gz)?$")).sorted().toList();
    }
    List<ArrayNode> conversations = new ArrayList<>();
    for (Path file : files) {
      JsonNode dialogues;
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
        dialogues = JSON.readTree(in);
      }
      for (JsonNode dialogue : dialogues.isArray() ? dialogues : List.of(dialogues)) {
        ArrayNode turns = messages();
        for (JsonNode utterance : dialogue.path("utterances")) {
          String text = utterance.path("text").asText("");
          if (!text.isBlank()) {
            boolean user = utterance.path("speaker").asText("").equalsIgnoreCase("user");
            turns.add(message(user ? "user" : "assistant", text));
          }
        }
        if (!turns.isEmpty()) {
          conversations.add(turns);
        }
      }
    }
    return conversations;
  }

  private static int write(Path file, List<ArrayNode> conversations) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8)) {
      for (ArrayNode messages : conversations) {
        ObjectNode record = JSON.createObjectNode();
        record.set("messages", messages);
        out.write(JSON.writeValueAsString(record));
        out.write('\n');
      }
    }
    return conversations.size();
  }

  private static ArrayNode messages() {
    return JSON.createArrayNode();
  }

  private static ObjectNode message(String role, String content) {
    return JSON.createObjectNode().put("role", role).put("content", content);
  }
}
