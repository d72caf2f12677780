package dev.sift.transforms.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** The quality stage's hand-written coders: round trips, and determinism where they claim it. */
class QualityCodersTest {
  private static final Conversation CONVERSATION =
      Conversation.of(
          "billing",
          SourceRef.create("logs/a.jsonl", 7, 7, "openai"),
          List.of(
              Message.of(Role.SYSTEM, "You are a billing assistant."),
              Message.of(Role.USER, "Why was my invoice charged twice this month?"),
              Message.of(
                  Role.ASSISTANT,
                  "I'm sorry about that: the second charge is a pending authorisation and it will"
                      + " drop off within three days.")),
          Map.of("label", "refund", "language", "en"));

  private static final Conversation BARE =
      Conversation.of(
          "billing",
          SourceRef.create("logs/b.jsonl", 1, 1, "openai"),
          List.of(Message.of(Role.ASSISTANT, "ok")),
          Map.of());

  private static Coder<Conversation> conversationCoder() throws Exception {
    return SchemaRegistry.createDefault().getSchemaCoder(Conversation.class);
  }

  private static Measured measure(Conversation conversation) {
    return Measured.of(
        conversation, Tokens.of("cl100k_base"), Languages.of(List.of("en"), List.of()), 2048);
  }

  @Test
  void measuredRoundTripsEveryField() throws Exception {
    MeasuredCoder coder = MeasuredCoder.of(conversationCoder());
    Measured lexical = measure(CONVERSATION);
    Measured semantic = lexical.withEmbedding(new float[] {0.25f, -0.5f, 1e-5f});
    Measured bare = measure(BARE);
    for (Measured m : List.of(lexical, semantic, bare)) {
      CoderProperties.structuralValueDecodeEncodeEqual(coder, m);
      Measured decoded = CoderUtils.clone(coder, m);
      assertEquals(m.conversation, decoded.conversation);
      assertSameMeasurements(m, decoded);
    }
    CoderProperties.coderSerializable(coder);
    assertNull(CoderUtils.clone(coder, bare).question);
    assertThrows(Coder.NonDeterministicException.class, coder::verifyDeterministic);
  }

  @Test
  void scoredRoundTripsEveryField() throws Exception {
    ScoredCoder coder = ScoredCoder.of(conversationCoder());
    Measured measured = measure(CONVERSATION);
    TermVector vector = new TermVector(new int[] {3, 70_000}, new double[] {0.6, 0.8});
    List<Scored> values =
        List.of(
            new Scored(measured, vector, 0.125, true, 5, 0.75, List.of(), null),
            new Scored(
                measure(BARE),
                TermVector.EMPTY,
                null,
                false,
                0,
                0.25,
                List.of("too_short", "low_quality"),
                "too_short"));
    for (Scored s : values) {
      CoderProperties.structuralValueDecodeEncodeEqual(coder, s);
      Scored decoded = CoderUtils.clone(coder, s);
      assertEquals(s.signals(), decoded.signals());
      assertSameMeasurements(s.measured, decoded.measured);
      assertArrayEquals(s.vector.ids(), decoded.vector.ids());
      assertArrayEquals(s.vector.weights(), decoded.vector.weights());
      assertEquals(s.languageExpected, decoded.languageExpected);
      assertEquals(s.filteredFor, decoded.filteredFor);
    }
    CoderProperties.coderSerializable(coder);
    assertEquals(coder, ScoredCoder.of(conversationCoder()));
  }

  @Test
  void conflictValuesRoundTripAndAnswersAreDeterministic() throws Exception {
    Conflicts.Answer answer =
        Conflicts.Answer.of("id-1", "Can I get a refund?", "Yes, within 30 days of purchase.");
    CoderProperties.structuralValueDecodeEncodeEqual(ConflictCoders.AnswerCoder.INSTANCE, answer);
    Conflicts.Answer decoded = CoderUtils.clone(ConflictCoders.AnswerCoder.INSTANCE, answer);
    assertEquals(answer.key(), decoded.key());
    assertEquals(answer.id(), decoded.id());
    assertArrayEquals(answer.words(), decoded.words());
    assertEquals(answer.question(), decoded.question());
    assertEquals(answer.snippet(), decoded.snippet());
    CoderProperties.coderDeterministic(
        ConflictCoders.AnswerCoder.INSTANCE,
        answer,
        new Conflicts.Answer(
            answer.key(),
            new String(answer.id()),
            answer.words(),
            answer.question(),
            answer.snippet()));

    Conflicts.Pair pair = new Conflicts.Pair("refund?", "a", "Yes.", "b", "No.", 0.1);
    CoderProperties.coderDecodeEncodeEqual(ConflictCoders.PairCoder.INSTANCE, pair);
    CoderProperties.coderDecodeEncodeEqual(
        ConflictCoders.SummaryCoder.INSTANCE, new Conflicts.Summary(1, 1, 2, List.of(pair)));
    CoderProperties.coderDecodeEncodeEqual(
        ConflictCoders.SummaryCoder.INSTANCE, Conflicts.Summary.NONE);
    CoderProperties.coderSerializable(ConflictCoders.SummaryCoder.INSTANCE);
  }

  @Test
  void topicPointsRoundTripDeterministically() throws Exception {
    float[] vector = {0.5f, -0.25f};
    FitTopicClusters.Point point = new FitTopicClusters.Point(-42L, "id-1", vector);
    CoderProperties.structuralValueDecodeEncodeEqual(FitTopicClusters.PointCoder.INSTANCE, point);
    assertArrayEquals(
        vector, CoderUtils.clone(FitTopicClusters.PointCoder.INSTANCE, point).vector());
    CoderProperties.coderDeterministic(
        FitTopicClusters.PointCoder.INSTANCE,
        point,
        new FitTopicClusters.Point(-42L, new String("id-1"), vector));
  }

  private static void assertSameMeasurements(Measured expected, Measured actual) {
    assertEquals(expected.tokens, actual.tokens);
    assertEquals(expected.systemTokens, actual.systemTokens);
    assertArrayEquals(expected.messageTokens, actual.messageTokens);
    assertEquals(expected.turns, actual.turns);
    assertEquals(expected.structure, actual.structure);
    assertEquals(expected.shortMessages, actual.shortMessages);
    assertEquals(expected.longMessages, actual.longMessages);
    assertEquals(expected.lastAnswerTokens, actual.lastAnswerTokens);
    assertEquals(expected.language, actual.language);
    assertEquals(expected.repetition, actual.repetition);
    assertEquals(expected.symbolRatio, actual.symbolRatio);
    assertEquals(expected.truncated, actual.truncated);
    assertEquals(expected.refusal, actual.refusal);
    assertEquals(expected.boilerplate, actual.boilerplate);
    assertArrayEquals(expected.terms.ids(), actual.terms.ids());
    assertArrayEquals(expected.terms.counts(), actual.terms.counts());
    assertArrayEquals(expected.words, actual.words);
    assertEquals(expected.question, actual.question);
    assertEquals(expected.answer, actual.answer);
    assertArrayEquals(expected.embedding, actual.embedding);
  }
}
