package dev.sift.bench.pii;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.ingest.FileParsing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataLogsTest {

  @Test
  void writesEachDatasetAsChatJsonlThatThePipelineReads(@TempDir Path data) throws Exception {
    Files.createDirectories(data.resolve("alpaca"));
    Files.writeString(
        data.resolve("alpaca/alpaca_5000.json"),
        "[{\"instruction\":\"Sum these\",\"input\":\"2 and 3\",\"output\":\"5\"},"
            + "{\"instruction\":\"Say hi\",\"input\":\"\",\"output\":\"Hi\"}]");
    Files.createDirectories(data.resolve("banking77"));
    Files.writeString(
        data.resolve("banking77/train.csv"),
        "text,category\n\"Where is my card, still?\",card_arrival\n");
    Files.writeString(data.resolve("banking77/test.csv"), "text,category\nTop up failed,top_up\n");
    Files.createDirectories(data.resolve("taskmaster/TM-4-2024/data"));
    try (OutputStream gzip =
        new GZIPOutputStream(
            Files.newOutputStream(data.resolve("taskmaster/TM-4-2024/data/data_00.json.gz")))) {
      gzip.write(
          ("[{\"conversation_id\":\"d1\",\"utterances\":[{\"speaker\":\"user\",\"text\":\"A latte\"},"
                  + "{\"speaker\":\"assistant\",\"text\":\"\"},"
                  + "{\"speaker\":\"assistant\",\"text\":\"Anything else?\"}]}]")
              .getBytes(UTF_8));
    }
    Files.writeString(
        data.resolve("taskmaster/sample.json"),
        "{\"conversation_id\":\"d2\",\"utterances\":[{\"speaker\":\"USER\",\"text\":\"A table\"}]}");
    Path out = data.resolve("out");

    // Files in path order (TM-4-2024/... before sample.json); blank turns left out.
    SharedDataLogs.main(new String[] {"--data=" + data, "--out=" + out});

    assertEquals(
        List.of(
            List.of("user: Sum these\n\n2 and 3", "assistant: 5"),
            List.of("user: Say hi", "assistant: Hi")),
        turns(out.resolve("alpaca.jsonl")));
    assertEquals(
        List.of(List.of("user: Where is my card, still?"), List.of("user: Top up failed")),
        turns(out.resolve("banking77.jsonl")));
    assertEquals(
        List.of(List.of("user: A latte", "assistant: Anything else?"), List.of("user: A table")),
        turns(out.resolve("taskmaster.jsonl")));
  }

  /** Each conversation's turns as "role: content", read with the pipeline's own reader. */
  private static List<List<String>> turns(Path file) throws IOException {
    List<Conversation> conversations = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      assertEquals(
          0, FileParsing.parse(in, file.toString(), SiftSpec.standard(), conversations::add));
    }
    return conversations.stream()
        .map(
            conversation ->
                conversation.getMessages().stream()
                    .map((Message m) -> m.getRole() + ": " + m.getContent())
                    .toList())
        .toList();
  }
}
