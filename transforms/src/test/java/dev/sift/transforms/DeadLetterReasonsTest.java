package dev.sift.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Reason;
import dev.sift.schemas.spec.IngestSpec;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.ingest.InputFormat;
import dev.sift.transforms.ingest.ReadConversations;
import dev.sift.transforms.normalize.NormalizeConversations;
import dev.sift.transforms.validate.ValidateConversations;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every dead-letter reason code has a file in {@code DeadLetterReasonsTest/} named after it; read,
 * normalised and validated, each file yields exactly one dead letter, of its own reason, naming the
 * file and line.
 */
@ExtendWith(TestPipelineExtension.class)
class DeadLetterReasonsTest {
  /** Good records that share a file with a bad one: they must come through. */
  private static final long GOOD_CONVERSATIONS = 1 /* invalid_json */ + 1 /* csv_malformed_row */;

  @Test
  void eachBadRecordIsDeadLetteredWithItsReason(TestPipeline pipeline) throws URISyntaxException {
    Path data = Path.of(getClass().getResource("/DeadLetterReasonsTest").toURI());
    SiftSpec spec =
        new SiftSpec(
            null, null, null, new IngestSpec(400, 300, null, null, null), null, null, null, null);

    PCollectionTuple read =
        pipeline.apply(ReadConversations.from(List.of(data + "/*"), spec, InputFormat.AUTO));
    PCollectionTuple valid =
        read.get(StageOutputs.CONVERSATIONS)
            .apply(NormalizeConversations.create())
            .apply(ValidateConversations.withRawLimit(300));
    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(read.get(StageOutputs.DEAD_LETTERS))
            .and(valid.get(StageOutputs.DEAD_LETTERS))
            .apply(Flatten.pCollections());

    PAssert.that(deadLetters)
        .satisfies(
            letters -> {
              Map<String, List<DeadLetter>> byReason = new TreeMap<>();
              letters.forEach(
                  letter ->
                      byReason
                          .computeIfAbsent(letter.getReason(), r -> new ArrayList<>())
                          .add(letter));
              List<String> expected =
                  Arrays.stream(Reason.values())
                      .filter(reason -> reason.kind() == Reason.Kind.DEAD_LETTER)
                      .map(Reason::code)
                      .sorted()
                      .collect(Collectors.toList());
              assertEquals(expected, List.copyOf(byReason.keySet()));
              byReason.forEach(DeadLetterReasonsTest::assertFromItsOwnFile);
              return null;
            });
    // Of the truncated gzip stream, the lines before the cut still come through.
    PAssert.that(valid.get(StageOutputs.CONVERSATIONS))
        .satisfies(
            conversations -> {
              long fromOtherFiles = 0;
              for (var conversation : conversations) {
                if (!conversation.getSource().getFile().endsWith("unreadable_file.jsonl.gz")) {
                  fromOtherFiles++;
                }
              }
              assertEquals(GOOD_CONVERSATIONS, fromOtherFiles);
              return null;
            });
    PAssert.thatSingleton(deadLetters.apply("CountDeadLetters", Count.globally()))
        .isEqualTo((long) byReasonCount());
    pipeline.run().waitUntilFinish();
  }

  private static void assertFromItsOwnFile(String reason, List<DeadLetter> letters) {
    assertEquals(1, letters.size(), reason + ": " + letters);
    DeadLetter letter = letters.get(0);
    String file = Path.of(letter.getSource().getFile()).getFileName().toString();
    assertTrue(file.startsWith(reason + "."), reason + " came from " + file);
    assertTrue(
        letter.getMessage().startsWith(letter.getSource().location() + ": "),
        "the message names the file and line: " + letter.getMessage());
    assertFalse(letter.getMessage().endsWith(": "), "the message says what is wrong");
    assertTrue(letter.getRaw().length() <= 300, "raw text is cut to the bound");
  }

  private static int byReasonCount() {
    return (int)
        Arrays.stream(Reason.values())
            .filter(reason -> reason.kind() == Reason.Kind.DEAD_LETTER)
            .count();
  }
}
