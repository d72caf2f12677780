package dev.sift.transforms.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.SiftSpec;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesParsingTest {

  @Test
  void parsesRecordsAndCountsDeadLetters() throws Exception {
    String lines =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
            + "{\"role\":\"assistant\",\"content\":\"Hello\"}],\"task\":\"billing\"}\n"
            + "\n"
            + "{\"messages\": [\n";
    List<Conversation> conversations = new ArrayList<>();

    long deadLetters =
        JsonLinesParsing.parse(
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
}
