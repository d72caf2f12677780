package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Reason;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.AnonymizeSpec;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.TestConversations;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class AnonymizeConversationsTest {
  private static final AnonymizeSpec PLACEHOLDERS =
      new AnonymizeSpec("placeholder", null, null, null, null);

  @Test
  void replacesValuesAndCountsThemPerTaskAndType(TestPipeline pipeline) {
    Conversation billing =
        TestConversations.qa(
            "billing", "a.jsonl", 1, "I'm Priya, priya@corp.com, card 4111 1111 1111 1111", "ok");
    Conversation shipping =
        TestConversations.qa("shipping", "b.jsonl", 1, "Write to ops@corp.com", "Done.");

    PCollectionTuple result =
        pipeline
            .apply(Create.of(billing, shipping))
            .apply(AnonymizeConversations.withSpec(PLACEHOLDERS));

    PAssert.that(result.get(StageOutputs.CONVERSATIONS))
        .satisfies(
            conversations -> {
              conversations.forEach(
                  c -> {
                    String user = c.getMessages().get(0).getContent();
                    assertFalse(user.contains("@corp.com"), user);
                    assertFalse(user.contains("4111"), user);
                  });
              return null;
            });
    PCollection<KV<KV<String, String>, Long>> totals =
        result.get(AnonymizeConversations.ENTITIES).apply(Sum.longsPerKey());
    PAssert.that(totals)
        .containsInAnyOrder(
            KV.of(KV.of("billing", "person"), 1L),
            KV.of(KV.of("billing", "email"), 1L),
            KV.of(KV.of("billing", "credit_card"), 1L),
            KV.of(KV.of("shipping", "email"), 1L));
    pipeline.run();
  }

  @Test
  void scrubsDeadLettersAndDropsAValueCutAtTheBound(TestPipeline pipeline) {
    SourceRef source = SourceRef.create("logs/a.jsonl", 4, 4, "openai");
    DeadLetter whole =
        DeadLetter.create(
            source,
            "billing",
            "ingest",
            Reason.INVALID_JSON,
            "near 'ops@corp.com'",
            "{\"content\": \"ssn 123-45-6789\"",
            1000);
    DeadLetter cut =
        DeadLetter.create(
            source,
            "billing",
            "ingest",
            Reason.INVALID_JSON,
            "bad",
            "mail jane.doe@corp.com x",
            17);

    PCollection<DeadLetter> scrubbed =
        pipeline.apply(Create.of(whole, cut)).apply(ScrubDeadLetters.withSpec(PLACEHOLDERS));

    PAssert.that(scrubbed)
        .satisfies(
            letters -> {
              for (DeadLetter letter : letters) {
                if (letter.isRawTruncated()) {
                  assertEquals("mail ", letter.getRaw());
                } else {
                  assertEquals("{\"content\": \"ssn [US_SSN]\"", letter.getRaw());
                  assertTrue(letter.getMessage().endsWith("near '[EMAIL]'"), letter.getMessage());
                }
              }
              return null;
            });
    pipeline.run();
  }
}
