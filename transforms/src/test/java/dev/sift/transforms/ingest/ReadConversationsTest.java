package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.spec.IngestSpec;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.TranscriptSpec;
import dev.sift.transforms.StageOutputs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ReadConversationsTest {
  private static final Path DATA = resource("/ReadConversationsTest");

  @Test
  void readsEveryFormatIntoCanonicalConversations(TestPipeline pipeline) {
    PCollectionTuple read =
        pipeline.apply(
            ReadConversations.from(List.of(DATA + "/*"), SiftSpec.standard(), InputFormat.AUTO));

    PAssert.that(read.get(StageOutputs.DEAD_LETTERS)).empty();
    PAssert.that(read.get(StageOutputs.CONVERSATIONS))
        .satisfies(
            conversations -> {
              Map<String, Conversation> byPlace = byFileAndRecord(conversations);
              assertEquals(10, byPlace.size(), byPlace.keySet().toString());
              assertOpenAi(byPlace);
              assertShareGpt(byPlace);
              assertTranscripts(byPlace);
              assertCsv(byPlace);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static void assertOpenAi(Map<String, Conversation> byPlace) {
    Conversation first = byPlace.get("chat.jsonl#1");
    assertEquals("billing", first.getTask());
    assertEquals("openai", first.getSource().getFormat());
    assertEquals(1, first.getSource().getLine());
    assertEquals(List.of("system", "user", "assistant"), roles(first));
    assertEquals("duplicate_charge", first.getMetadata().get("intent"));
    assertEquals("5", first.getMetadata().get("rating"));
    assertEquals("[\"billing\",\"charge\"]", first.getMetadata().get("tags"));

    Conversation parts = byPlace.get("chat.jsonl#2");
    assertEquals(
        3, parts.getSource().getLine(), "a blank line is not a record but still counts as a line");
    assertEquals(
        "Can I get a copy\nof invoice INV-2026-00017?", parts.getMessages().get(0).getContent());
    assertEquals("Maria", parts.getMessages().get(1).getName());
    assertEquals("invoice_copy", parts.getMetadata().get("label"));
    assertEquals(
        "ReadConversationsTest", parts.getTask(), "no task field: the folder names the task");

    Conversation aliases = byPlace.get("chat.jsonl#3");
    assertEquals(List.of("user", "assistant"), roles(aliases));
    assertEquals("greetings", aliases.getTask());
  }

  private static void assertShareGpt(Map<String, Conversation> byPlace) {
    Conversation tracking = byPlace.get("shipping.json#1");
    assertEquals("sharegpt", tracking.getSource().getFormat());
    assertEquals(2, tracking.getSource().getLine());
    assertEquals("ship-1", tracking.getMetadata().get("id"));
    assertEquals(
        "It left the Leipzig hub this morning.", tracking.getMessages().get(1).getContent());
    assertEquals(List.of("system", "user", "assistant"), roles(byPlace.get("shipping.json#2")));
    assertEquals(List.of("user", "assistant"), roles(byPlace.get("onboarding.jsonl#1")));
  }

  private static void assertTranscripts(Map<String, Conversation> byPlace) {
    Conversation twoFactor = byPlace.get("accounts.txt#1");
    assertEquals("transcript", twoFactor.getSource().getFormat());
    assertEquals(List.of("user", "assistant", "user"), roles(twoFactor));
    Message agent = twoFactor.getMessages().get(1);
    assertEquals("Maria", agent.getName());
    assertEquals(
        "I can help. Please confirm:\n1. the e-mail on the account\n"
            + "2. the last four digits of the card on file",
        agent.getContent());
    Conversation email = byPlace.get("accounts.txt#2");
    assertEquals(9, email.getSource().getLine());
    assertNull(email.getMessages().get(0).getName());
  }

  private static void assertCsv(Map<String, Conversation> byPlace) {
    Conversation swap = byPlace.get("turns.csv#2");
    assertEquals("csv", swap.getSource().getFormat());
    assertEquals(3, swap.getSource().getLine(), "a CSV conversation starts at its first row");
    assertEquals("returns", swap.getTask());
    assertEquals(List.of("user", "assistant", "user"), roles(swap), "ordered by turn_index");
    assertEquals("Lee", swap.getMessages().get(1).getName());
    assertEquals(
        "Yes: print the label from your order page, then\n1) pack the jacket\n"
            + "2) drop it at any post office\nWe ship the new size as soon as it is scanned.",
        swap.getMessages().get(1).getContent());
    assertEquals(
        Map.of("channel", "chat", "conversation_id", "R-1", "task", "returns"), swap.getMetadata());
    assertEquals(List.of("user", "assistant"), roles(byPlace.get("turns.csv#1")));
  }

  @Test
  void detectsGzipByItsBytesWhateverTheName(TestPipeline pipeline, @TempDir Path dir)
      throws IOException {
    Path disguised = dir.resolve("export.data");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(disguised))) {
      out.write(Files.readAllBytes(DATA.resolve("chat.jsonl")));
    }
    PCollectionTuple read =
        pipeline.apply(
            ReadConversations.from(
                List.of(disguised.toString()), SiftSpec.standard(), InputFormat.AUTO));

    PAssert.that(read.get(StageOutputs.DEAD_LETTERS)).empty();
    PAssert.thatSingleton(read.get(StageOutputs.CONVERSATIONS).apply(Count.globally()))
        .isEqualTo(3L);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void skipsAByteOrderMarkInEveryFormat(TestPipeline pipeline, @TempDir Path dir)
      throws IOException {
    String bom = "\uFEFF";
    Files.writeString(
        dir.resolve("export.csv"), bom + "conversation_id,role,text\nC1,user,hi\nC1,agent,hello\n");
    Files.writeString(
        dir.resolve("export.json"),
        bom
            + "[{\"conversations\":[{\"from\":\"human\",\"value\":\"hi\"},{\"from\":\"gpt\",\"value\":\"hello\"}]}]");
    Files.writeString(
        dir.resolve("export.jsonl"), bom + Files.readString(DATA.resolve("onboarding.jsonl")));
    Files.writeString(dir.resolve("export.txt"), bom + "User: hi\nAssistant: hello\n");
    PCollectionTuple read =
        pipeline.apply(
            ReadConversations.from(List.of(dir + "/*"), SiftSpec.standard(), InputFormat.AUTO));

    PAssert.that(read.get(StageOutputs.DEAD_LETTERS)).empty();
    PAssert.thatSingleton(read.get(StageOutputs.CONVERSATIONS).apply(Count.globally()))
        .isEqualTo(4L);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void readsAFileMatchedByTwoPatternsOnce(TestPipeline pipeline) {
    List<String> patterns = List.of(DATA + "/chat.jsonl", DATA + "/*.jsonl");
    PCollectionTuple read =
        pipeline.apply(ReadConversations.from(patterns, SiftSpec.standard(), InputFormat.AUTO));

    PAssert.thatSingleton(read.get(StageOutputs.CONVERSATIONS).apply(Count.globally()))
        .isEqualTo(4L);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void splitsTranscriptsOnBlankLinesWhenTheSpecSaysSo(TestPipeline pipeline, @TempDir Path dir)
      throws IOException {
    Path notes = dir.resolve("session.log");
    Files.writeString(notes, "User: hi\nAssistant: hello\n\n\nUser: bye\nAssistant: take care\n");
    SiftSpec spec =
        new SiftSpec(
            null,
            null,
            null,
            new IngestSpec(
                null, null, null, new TranscriptSpec(TranscriptSpec.BLANK_LINE, null), null),
            null,
            null,
            null,
            null);
    PCollectionTuple read =
        pipeline.apply(ReadConversations.from(List.of(notes.toString()), spec, InputFormat.AUTO));

    PAssert.that(read.get(StageOutputs.CONVERSATIONS))
        .satisfies(
            conversations -> {
              Map<String, Conversation> byPlace = byFileAndRecord(conversations);
              assertEquals(2, byPlace.size());
              assertEquals("bye", byPlace.get("session.log#2").getMessages().get(0).getContent());
              assertEquals(5, byPlace.get("session.log#2").getSource().getLine());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aForcedFormatOverridesDetection(TestPipeline pipeline, @TempDir Path dir)
      throws IOException {
    Path notes = dir.resolve("notes.dat");
    Files.writeString(notes, "Customer: is the shop open on Sunday?\nAgent: Yes, from 10 to 16.\n");
    PCollectionTuple read =
        pipeline.apply(
            ReadConversations.from(
                List.of(notes.toString()), SiftSpec.standard(), InputFormat.TRANSCRIPT));

    PAssert.that(read.get(StageOutputs.DEAD_LETTERS)).empty();
    PAssert.thatSingleton(read.get(StageOutputs.CONVERSATIONS).apply(Count.globally()))
        .isEqualTo(1L);
    pipeline.run().waitUntilFinish();
  }

  /** Conversations keyed {@code <file name>#<record>}. */
  static Map<String, Conversation> byFileAndRecord(Iterable<Conversation> conversations) {
    Map<String, Conversation> byPlace = new HashMap<>();
    for (Conversation conversation : conversations) {
      String file = Path.of(conversation.getSource().getFile()).getFileName().toString();
      byPlace.put(file + "#" + conversation.getSource().getRecord(), conversation);
    }
    return byPlace;
  }

  private static List<String> roles(Conversation conversation) {
    return conversation.getMessages().stream().map(Message::getRole).collect(Collectors.toList());
  }

  static Path resource(String name) {
    try {
      return Path.of(ReadConversationsTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
