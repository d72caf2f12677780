package dev.sift.transforms.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sentence embeddings themselves (the model in the langchain4j artifact, loaded once for the
 * JVM): what text is embedded, that vectors are unit length and the same for the same text whatever
 * batch it comes in, and that semantic relevance ranks an off-topic conversation below on-topic
 * ones that share no word with the task's profile.
 */
class SemanticScoringTest {
  private static final TaskSpec BILLING =
      new TaskSpec(
          "Billing desk of a SaaS product: refunds, invoices, plans, failed payments.",
          null,
          null,
          null,
          List.of("refund", "invoice", "charge", "subscription"),
          List.of("I was charged twice this month. Can you refund the duplicate charge?"),
          null,
          null);

  private static Conversation conversation(String... turns) {
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < turns.length; i++) {
      messages.add(Message.of(i % 2 == 0 ? Role.USER : Role.ASSISTANT, turns[i]));
    }
    return Conversation.of(
        "billing", SourceRef.create("f.jsonl", 1, 0, "openai"), messages, Map.of());
  }

  @Test
  void embedsTheNonSystemTurnsUpToTheWordCap() {
    Conversation withSystem =
        Conversation.of(
            "billing",
            SourceRef.create("f.jsonl", 1, 0, "openai"),
            List.of(
                Message.of(Role.SYSTEM, "You are a billing assistant."),
                Message.of(Role.USER, "  Where is\tmy   invoice? "),
                Message.of(Role.ASSISTANT, "In Settings.")),
            Map.of());
    assertEquals("Where is my invoice?\nIn Settings.", SentenceEmbedder.text(withSystem));
    String longTurn = "word ".repeat(SentenceEmbedder.MAX_WORDS + 50);
    String text = SentenceEmbedder.text(conversation(longTurn, "never reached"));
    assertEquals(SentenceEmbedder.MAX_WORDS, text.split(" ").length);
    assertTrue(!text.contains("never"));
  }

  @Test
  void vectorsAreUnitLengthAndTheSameInAnyBatch() {
    String text = "My card was declined when the annual plan renewed.";
    float[] alone = SentenceEmbedder.embed(text);
    float[][] batch =
        SentenceEmbedder.embed(List.of("How do I export a report?", text, "Hello there"));
    assertEquals(SentenceEmbedder.DIMENSIONS, alone.length);
    assertArrayEquals(alone, batch[1]);
    assertArrayEquals(alone, SentenceEmbedder.embed(text));
    assertEquals(1.0, Embeddings.cosine(alone, alone), 1e-4);
    for (float component : alone) {
      double grid = component / SentenceEmbedder.GRID;
      assertEquals(Math.rint(grid), grid, 1e-3, "rounded to the grid");
    }
  }

  @Test
  void ranksAnOffTopicConversationBelowOnTopicOnes() {
    SemanticProfile profile = SemanticProfile.of(BILLING);
    // Neither on-topic conversation uses a word of the profile but "my".
    double declined =
        profile.relevance(
            embed(
                conversation(
                    "My card got declined when I tried to pay for next year.",
                    "The bank blocked it; try again or use another card.")));
    double money =
        profile.relevance(
            embed(
                conversation(
                    "Why did you take money from my account twice?",
                    "A duplicate payment happened; it is returned within five days.")));
    double eggs =
        profile.relevance(
            embed(
                conversation(
                    "How long should I boil an egg for a soft yolk?",
                    "Six minutes, then cool it in cold water.")));
    assertTrue(eggs < 0.12, "off topic: " + eggs);
    assertTrue(declined > 0.12 && money > 0.12, declined + ", " + money);
    assertTrue(eggs < Math.min(declined, money));
  }

  @Test
  void theProfileIsTheDescriptionTheKeywordsAndEachExample() {
    assertEquals(
        List.of(
            "Billing desk of a SaaS product: refunds, invoices, plans, failed payments.",
            "refund, invoice, charge, subscription",
            "I was charged twice this month. Can you refund the duplicate charge?"),
        SemanticProfile.texts(BILLING));
    assertTrue(SemanticProfile.of(null).isEmpty());
    assertNull(SemanticProfile.EMPTY.relevance(new float[SentenceEmbedder.DIMENSIONS]));
  }

  @Test
  void relevanceIsTheLargestCosineToAProfileText() {
    SemanticProfile profile =
        new SemanticProfile(List.of(new float[] {1, 0, 0}, new float[] {0, 0.6f, 0.8f}));
    // (0, 1, 0): cosines 0 and 0.6; (0.8, 0, 0.6): 0.8 and 0.48.
    assertEquals(0.6, profile.relevance(new float[] {0, 1, 0}), 1e-6);
    assertEquals(0.8, profile.relevance(new float[] {0.8f, 0, 0.6f}), 1e-6);
  }

  private static float[] embed(Conversation conversation) {
    return SentenceEmbedder.embed(SentenceEmbedder.text(conversation));
  }
}
