package dev.sift.bench.pii;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.Random;

/**
 * Support conversations of the PII evaluation set's desks (billing, shipping, account, technical),
 * one per {@code (seed, index)} and independent of every other, so that a generator can make
 * conversation {@code i} of millions in any order and on any thread and get the same one.
 */
public final class SupportConversations {
  private SupportConversations() {}

  /** The desks' task names, in a fixed order. */
  public static List<String> desks() {
    return Topics.ALL.stream().map(Topic::task).toList();
  }

  /** A person's full name, as the conversations use them. */
  public static String fullName(Random rng) {
    return Person.draw(rng).full();
  }

  /** Conversation {@code index} of desk {@code desk} (an index into {@link #desks()}). */
  public static EvalConversation generate(long seed, long index, int desk, String id) {
    Random rng = new Random(seed * 0x9E3779B97F4A7C15L + index);
    Topic topic = Topics.ALL.get(desk);
    EntityType required = Pick.one(rng, topic.detailRotation());
    NegativeKind negative = Pick.one(rng, topic.negativeRotation());
    return new ConversationBuilder(rng, topic).build(id, required, negative);
  }
}
