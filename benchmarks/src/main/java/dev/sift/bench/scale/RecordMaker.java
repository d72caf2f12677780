package dev.sift.bench.scale;

import dev.sift.bench.pii.EvalConversation;
import dev.sift.bench.pii.EvalMessage;
import dev.sift.bench.pii.SupportConversations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * Makes record {@code i} of a synthetic log from its {@link LogPlan}: the support conversation of
 * its task, or the copy, edit, mix or off-topic exchange planted there, with its label.
 */
final class RecordMaker {
  /** Where the conversations that lend their answers to conflicting records are numbered from. */
  private static final long ANSWER_DONORS = 1L << 40;

  private static final List<String> FILLERS =
      List.of("kindly", "quickly", "today", "again", "really", "just", "now", "please");

  private static final List<List<String>> OFF_TOPIC =
      List.of(
          List.of(
              "What's a good substitute for buttermilk in pancakes?",
              "Stir a tablespoon of lemon juice into a cup of milk and let it stand five minutes."),
          List.of(
              "Who won the 1998 football World Cup?",
              "France won it, beating Brazil 3-0 in the final in Saint-Denis."),
          List.of(
              "Can you suggest a name for my new puppy? She's a golden retriever.",
              "How about Maple, Honey or Sunny? All suit a golden coat."),
          List.of(
              "How long should I boil an egg for a runny yolk?",
              "About six minutes from boiling water, then straight into cold water."),
          List.of(
              "Write me a haiku about autumn.",
              "Red leaves drift and fall / the maple lets go softly / cold wind takes the rest"),
          List.of(
              "What's the tallest mountain in Africa?",
              "Kilimanjaro, in Tanzania, at 5,895 metres."));

  private final long seed;
  private final LogPlan plan;
  private final List<String> desks = SupportConversations.desks();

  RecordMaker(long seed, LogPlan plan) {
    this.seed = seed;
    this.plan = plan;
  }

  /** The conversation of record {@code index} and its label. */
  Made make(long index) {
    String task = plan.tasks().get(plan.task(index));
    String id = id(index);
    Planted kind = plan.kind(index);
    long source = kind.hasSource() ? plan.source(index) : -1;
    if (kind.hasSource() && source < 0) {
      kind = Planted.CLEAN; // No clean conversation of the task before it to copy.
    }
    EvalConversation base = support(kind.hasSource() ? source : index, task, id);
    List<SyntheticConversation.Message> messages =
        switch (kind) {
          case CLEAN, MALFORMED, EXACT_DUPLICATE -> messages(base);
          case NEAR_DUPLICATE -> edited(messages(base), plan.rng(index, 4));
          case CONFLICTING_ANSWER ->
              withAnswersOf(messages(base), messages(support(ANSWER_DONORS + index, task, id)));
          case OFF_TOPIC -> offTopic(plan.rng(index, 5));
        };
    SyntheticConversation conversation =
        new SyntheticConversation(
            id, task, kind == Planted.OFF_TOPIC ? Optional.empty() : base.agent(), messages);
    TreeSet<String> pii = new TreeSet<>();
    if (kind != Planted.OFF_TOPIC) {
      base.messages().forEach(m -> m.spans().forEach(span -> pii.add(span.type().code())));
    }
    Label label =
        new Label(index, id, task, kind, source < 0 ? null : id(source), List.copyOf(pii));
    return new Made(conversation, label);
  }

  static String id(long index) {
    return String.format(Locale.ROOT, "syn-%09d", index);
  }

  private EvalConversation support(long index, String task, String id) {
    int desk = plan.tasks().indexOf(task) % desks.size();
    return SupportConversations.generate(seed, index, desk, id);
  }

  private static List<SyntheticConversation.Message> messages(EvalConversation conversation) {
    List<SyntheticConversation.Message> messages = new ArrayList<>();
    for (EvalMessage m : conversation.messages()) {
      messages.add(new SyntheticConversation.Message(m.role(), m.content()));
    }
    return messages;
  }

  /** Two words changed: one word put in, one taken out, in two different turns. */
  private static List<SyntheticConversation.Message> edited(
      List<SyntheticConversation.Message> messages, Random rng) {
    List<SyntheticConversation.Message> edited = new ArrayList<>(messages);
    for (int edit = 0; edit < 2; edit++) {
      int turn = rng.nextInt(edited.size());
      SyntheticConversation.Message m = edited.get(turn);
      String[] words = m.content().split(" ", -1);
      if (words.length < 4) {
        continue;
      }
      int at = 1 + rng.nextInt(words.length - 2);
      List<String> changed = new ArrayList<>(List.of(words));
      if (edit == 0) {
        changed.add(at, FILLERS.get(rng.nextInt(FILLERS.size())));
      } else {
        changed.remove(at);
      }
      edited.set(turn, new SyntheticConversation.Message(m.role(), String.join(" ", changed)));
    }
    return edited;
  }

  /** The user (and system) turns of one conversation, the assistant turns of another. */
  private static List<SyntheticConversation.Message> withAnswersOf(
      List<SyntheticConversation.Message> questions, List<SyntheticConversation.Message> donor) {
    List<String> answers =
        donor.stream().filter(m -> m.role().equals("assistant")).map(m -> m.content()).toList();
    List<SyntheticConversation.Message> mixed = new ArrayList<>();
    int next = 0;
    for (SyntheticConversation.Message m : questions) {
      if (m.role().equals("assistant") && next < answers.size()) {
        mixed.add(new SyntheticConversation.Message("assistant", answers.get(next++)));
      } else {
        mixed.add(m);
      }
    }
    return mixed;
  }

  /**
   * One of the off-topic exchanges, signed with a random name and asked at a random hour, so that
   * two off-topic records are almost never exact copies of each other (the labels would not say
   * so).
   */
  private static List<SyntheticConversation.Message> offTopic(Random rng) {
    List<String> exchange = OFF_TOPIC.get(rng.nextInt(OFF_TOPIC.size()));
    String question =
        String.format(
            Locale.ROOT,
            "Quick one before my %d:%02d meeting. %s\n\n%s",
            7 + rng.nextInt(12),
            5 * rng.nextInt(12),
            exchange.get(0),
            SupportConversations.fullName(rng));
    return List.of(
        new SyntheticConversation.Message("user", question),
        new SyntheticConversation.Message("assistant", exchange.get(1)));
  }

  /** A record and its ground truth. */
  record Made(SyntheticConversation conversation, Label label) {}

  /** The ground truth of one record: what was planted, the record it copies, its PII types. */
  record Label(long index, String id, String task, Planted kind, String of, List<String> pii) {}
}
