package dev.sift.transforms.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.spec.SiftSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FileParsingTest {

  @Test
  void parsesJsonLinesAndCountsDeadLetters() throws Exception {

    String lines =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
            + "{\"role\":\"assistant\",\"content\":\"Hello\"}],\"task\":\"billing\"}\n"
            + "\n"
            + "{\"messages\": [\n";
    List<Conversation> conversations = new ArrayList<>();

    long deadLetters =
        FileParsing.parse(
            new ByteArrayInputStream(lines.getBytes(UTF_8)),
            "logs/chats.jsonl",
            SiftSpec.standard(),
            conversations::add);

    assertEquals(1, deadLetters);
    assertEquals(1, conversations.size());
    Conversation conversation = conversations.get(0);
    assertEquals("billing", conversation.getTask());
    assertEquals("Hello", conversation.getMessages().get(1).getContent());
    assertEquals(1, conversation.getSource().getLine());
  }

  @Test
  void assemblesCsvRowsIntoConversationsAsThePipelineDoes() throws Exception {
    String rows =
        "conversation_id,turn_index,role,text,task\n"
            + "HD-2,2,agent,\"Yes, two years.\",warranty\n"
            + "HD-1,1,customer,My order arrived damaged,returns\n"
            + "HD-2,1,customer,Is the warranty two years?,warranty\n"
            + "HD-1,2,robot,Sorry to hear that,returns\n";
    List<Conversation> conversations = new ArrayList<>();

    long deadLetters =
        FileParsing.parse(
            new ByteArrayInputStream(rows.getBytes(UTF_8)),
            "exports/turns.csv",
            SiftSpec.standard(),
            conversations::add);

    assertEquals(1, deadLetters, "HD-1 has a row with an unknown role");
    assertEquals(1, conversations.size());
    Conversation conversation = conversations.get(0);
    assertEquals("warranty", conversation.getTask());
    assertEquals(
        List.of("Is the warranty two years?", "Yes, two years."),
        conversation.getMessages().stream().map(Message::getContent).toList());
  }

  @Test
  void countsTheUnreadRestOfACutGzipStreamAsOneDeadLetter() throws Exception {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
      gzip.write(
          ("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n".repeat(1000))
              .getBytes(UTF_8));
    }
    byte[] cut = Arrays.copyOf(gzipped.toByteArray(), gzipped.size() / 2);
    List<Conversation> conversations = new ArrayList<>();

    long deadLetters =
        FileParsing.parse(
            new ByteArrayInputStream(cut),
            "chats.jsonl.gz",
            SiftSpec.standard(),
            conversations::add);

    assertEquals(1, deadLetters);
    assertTrue(conversations.size() < 1000, conversations.size() + " conversations");
  }
}
