package dev.sift.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.spec.DedupSpec;
import dev.sift.transforms.Buckets;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.TestConversations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class DeduplicateConversationsTest {
  private static final DedupSpec DEFAULTS = DedupSpec.standard();

  @Test
  void copiesDifferingOnlyByNamesNumbersCaseAndSpacesAreExactDuplicatesOfTheSmallestId(
      TestPipeline pipeline) {
    List<Conversation> copies =
        List.of(
            qa("billing", 1, "Hi, I'm Anna and order 12345 never arrived.", "Sorry Anna!"),
            qa("billing", 2, "hi,  I'm Ben and order 998 never   arrived.", "Sorry Ben!"),
            qa("billing", 3, "Hi, I'm Chloé and order 7 never arrived.", "SORRY Chloé!"));
    Conversation other = qa("billing", 4, "Where is my invoice?", "Under Settings.");
    Conversation kept = smallestId(copies);

    PCollectionTuple result = dedup(pipeline, DEFAULTS, concat(copies, other));

    PAssert.that(result.get(StageOutputs.CONVERSATIONS)).containsInAnyOrder(kept, other);
    PAssert.that(result.get(StageOutputs.FILTERED))
        .satisfies(
            filtered -> {
              assertEquals(
                  others(copies, kept, "exact_duplicate", "duplicate of " + kept.getId()),
                  decisions(filtered));
              return null;
            });
    PAssert.that(result.get(DeduplicateConversations.CLUSTERS))
        .containsInAnyOrder(
            ClusterSummary.create(kept.getId(), "billing", 3, 2, 0, ClusterSummary.example(kept)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void nearDuplicatesAreClusteredThroughChainsAndKeepTheSmallestId(TestPipeline pipeline) {
    // a ~ b and b ~ c (one word changed, Jaccard 0.84), a and c apart (0.70): one component.
    Conversation a = longQa("billing", 1, words(60));
    Conversation b = longQa("billing", 2, replace(words(60), 10));
    Conversation c = longQa("billing", 3, replace(replace(words(60), 10), 45));
    Conversation unrelated = longQa("billing", 4, words(60, 1000));
    Conversation kept = smallestId(List.of(a, b, c));

    PCollectionTuple result = dedup(pipeline, DEFAULTS, List.of(a, b, c, unrelated));

    PAssert.that(result.get(StageOutputs.CONVERSATIONS)).containsInAnyOrder(kept, unrelated);
    PAssert.that(result.get(StageOutputs.FILTERED))
        .satisfies(
            filtered -> {
              assertEquals(
                  others(
                      List.of(a, b, c),
                      kept,
                      "near_duplicate",
                      "near duplicate of " + kept.getId()),
                  decisions(filtered));
              return null;
            });
    PAssert.that(result.get(DeduplicateConversations.NEAR_PAIRS))
        .satisfies(
            pairs -> {
              assertEquals(2, StreamSupport.stream(pairs.spliterator(), false).count());
              return null;
            });
    PAssert.that(result.get(DeduplicateConversations.UNSETTLED)).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theOutcomeDoesNotDependOnTheNumberOfBuckets(TestPipeline pipeline) {
    Conversation a = longQa("billing", 1, words(60));
    Conversation b = longQa("billing", 2, replace(words(60), 10));
    Conversation c = longQa("billing", 3, replace(replace(words(60), 10), 45));
    Conversation copyOfA = longQa("billing", 4, words(60));
    Conversation unrelated = longQa("billing", 5, words(60, 1000));
    List<Conversation> cluster = List.of(a, b, c, copyOfA);
    Conversation kept = smallestId(cluster);

    for (int buckets : new int[] {1, 3, Buckets.FOR_CLUSTERS}) {
      PCollectionTuple result =
          pipeline
              .apply("Create" + buckets, Create.of(concat(cluster, unrelated)))
              .apply(
                  "DedupIn" + buckets,
                  DeduplicateConversations.withSpec(DEFAULTS).inBuckets(Buckets.of(buckets)));
      PAssert.that("kept with " + buckets + " buckets", result.get(StageOutputs.CONVERSATIONS))
          .containsInAnyOrder(kept, unrelated);
      PAssert.that("filtered with " + buckets + " buckets", result.get(StageOutputs.FILTERED))
          .satisfies(
              filtered -> {
                assertEquals(
                    cluster.stream()
                        .map(Conversation::getId)
                        .filter(id -> !id.equals(kept.getId()))
                        .sorted()
                        .toList(),
                    List.copyOf(decisions(filtered).keySet()));
                return null;
              });
    }
    pipeline.run().waitUntilFinish();
  }

  @Test
  void tasksAreSeparateScopesUnlessTheSpecSaysAll(TestPipeline pipeline) {
    Conversation billing = qa("billing", 1, "Can I get a refund?", "Yes, within 14 days.");
    Conversation returns = qa("returns", 2, "Can I get a refund?", "Yes, within 14 days.");
    DedupSpec acrossTasks = new DedupSpec("all", null, null, null, null, null, null, null);

    PCollectionTuple withinTasks =
        dedup(pipeline, DEFAULTS, List.of(billing, returns), "WithinTasks");
    PCollectionTuple across = dedup(pipeline, acrossTasks, List.of(billing, returns), "Across");

    PAssert.that(withinTasks.get(StageOutputs.CONVERSATIONS)).containsInAnyOrder(billing, returns);
    PAssert.that(across.get(StageOutputs.CONVERSATIONS))
        .containsInAnyOrder(smallestId(List.of(billing, returns)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theUserTurnsKeyFindsTheSamePromptAnsweredDifferently(TestPipeline pipeline) {
    Conversation first = qa("billing", 1, "How do I change my plan?", "Open Settings > Plan.");
    Conversation second = qa("billing", 2, "How do I change my plan?", "Ask the workspace owner.");
    DedupSpec prompts = new DedupSpec(null, "user_turns", null, null, null, null, null, null);

    PCollectionTuple byDialogue = dedup(pipeline, DEFAULTS, List.of(first, second), "Dialogue");
    PCollectionTuple byPrompt = dedup(pipeline, prompts, List.of(first, second), "Prompt");

    PAssert.that(byDialogue.get(StageOutputs.CONVERSATIONS)).containsInAnyOrder(first, second);
    PAssert.that(byPrompt.get(StageOutputs.CONVERSATIONS))
        .containsInAnyOrder(smallestId(List.of(first, second)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theKeyWithoutSystemIgnoresDifferentSystemPrompts(TestPipeline pipeline) {
    Conversation terse = withSystem("Be terse.", qa("billing", 1, "Refund?", "Within 14 days."));
    Conversation polite = withSystem("Be polite.", qa("billing", 2, "Refund?", "Within 14 days."));
    DedupSpec withoutSystem =
        new DedupSpec(null, "without_system", null, null, null, null, null, null);

    PCollectionTuple byDialogue = dedup(pipeline, DEFAULTS, List.of(terse, polite), "Dialogue");
    PCollectionTuple bare = dedup(pipeline, withoutSystem, List.of(terse, polite), "Bare");

    PAssert.that(byDialogue.get(StageOutputs.CONVERSATIONS)).containsInAnyOrder(terse, polite);
    PAssert.that(bare.get(StageOutputs.CONVERSATIONS))
        .containsInAnyOrder(smallestId(List.of(terse, polite)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void shortTextsAreComparedByCharactersOfTheirTurnsNotOfTheirRoleLabels(TestPipeline pipeline) {
    // Under ten words: one dropped letter changes one character 5-gram of many.
    Conversation plural = qa("billing", 1, "where can i download my invoices", "settings");
    Conversation singular = qa("billing", 2, "where can i download my invoice", "settings");
    // Alike only in their "user: " and "assistant: " labels, which are not shingled.
    Conversation hello = qa("billing", 3, "hi", "hello");
    Conversation bye = qa("billing", 4, "bye", "ciao");
    Conversation kept = smallestId(List.of(plural, singular));

    PCollectionTuple result = dedup(pipeline, DEFAULTS, List.of(plural, singular, hello, bye));

    PAssert.that(result.get(StageOutputs.CONVERSATIONS)).containsInAnyOrder(kept, hello, bye);
    PAssert.that(result.get(StageOutputs.FILTERED))
        .satisfies(
            filtered -> {
              assertEquals(
                  others(
                      List.of(plural, singular),
                      kept,
                      "near_duplicate",
                      "near duplicate of " + kept.getId()),
                  decisions(filtered));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aScoreChoosesTheRepresentativeBeforeTheId(TestPipeline pipeline) {
    Conversation low = withScore(qa("billing", 1, "Refund?", "Yes."), "0.2");
    Conversation high = withScore(qa("billing", 2, "Refund?", "Yes."), "0.9");
    Conversation unscored = qa("billing", 3, "Refund?", "Yes.");

    PCollectionTuple result =
        pipeline
            .apply(Create.of(low, high, unscored))
            .apply(
                DeduplicateConversations.withSpec(DEFAULTS)
                    .preferring(
                        Representatives.highestScore(
                            c ->
                                c.getMetadata().containsKey("score")
                                    ? Double.valueOf(c.getMetadata().get("score"))
                                    : null)));

    PAssert.that(result.get(StageOutputs.CONVERSATIONS)).containsInAnyOrder(high);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void withoutNearSearchOnlyExactCopiesAreDropped(TestPipeline pipeline) {
    Conversation a = longQa("billing", 1, words(60));
    Conversation b = longQa("billing", 2, replace(words(60), 10));
    DedupSpec exactOnly = new DedupSpec(null, null, null, null, null, null, null, false);

    PCollectionTuple result = dedup(pipeline, exactOnly, List.of(a, b));

    PAssert.that(result.get(StageOutputs.CONVERSATIONS)).containsInAnyOrder(a, b);
    PAssert.that(result.get(StageOutputs.FILTERED)).empty();
    pipeline.run().waitUntilFinish();
  }

  private static PCollectionTuple dedup(
      TestPipeline pipeline, DedupSpec spec, List<Conversation> conversations) {
    return dedup(pipeline, spec, conversations, "Dedup");
  }

  private static PCollectionTuple dedup(
      TestPipeline pipeline, DedupSpec spec, List<Conversation> conversations, String name) {
    return pipeline
        .apply("Create" + name, Create.of(conversations))
        .apply(name, DeduplicateConversations.withSpec(spec));
  }

  static Conversation qa(String task, long record, String question, String answer) {
    return TestConversations.qa(task, "chats.jsonl", record, question, answer);
  }

  /** A conversation whose user turn is {@code words} and whose answer is fixed. */
  static Conversation longQa(String task, long record, List<String> words) {
    return qa(task, record, String.join(" ", words), "thanks for asking");
  }

  /** {@code n} distinct lower-case words (letters only, so that no mask touches them). */
  static List<String> words(int n) {
    return words(n, 0);
  }

  static List<String> words(int n, int from) {
    return TestConversations.distinctWords(n, from);
  }

  /** {@code words} with the word at {@code index} replaced by one that occurs nowhere else. */
  static List<String> replace(List<String> words, int index) {
    List<String> changed = new ArrayList<>(words);
    changed.set(index, "changed" + (char) ('a' + index % 26) + (char) ('a' + index / 26));
    return changed;
  }

  private static Conversation withSystem(String prompt, Conversation conversation) {
    List<Message> messages = new ArrayList<>();
    messages.add(Message.of(Role.SYSTEM, prompt));
    messages.addAll(conversation.getMessages());
    return Conversation.of(
        conversation.getTask(), conversation.getSource(), messages, conversation.getMetadata());
  }

  private static Conversation withScore(Conversation conversation, String score) {
    return Conversation.create(
        conversation.getId(),
        conversation.getTask(),
        conversation.getSource(),
        conversation.getMessages(),
        Map.of("score", score));
  }

  static Conversation smallestId(List<Conversation> conversations) {
    return conversations.stream().min(Comparator.comparing(Conversation::getId)).orElseThrow();
  }

  private static List<Conversation> concat(List<Conversation> some, Conversation one) {
    return Stream.concat(some.stream(), Stream.of(one)).toList();
  }

  /** id to "reason: detail" for every conversation but the kept one. */
  private static Map<String, String> others(
      List<Conversation> cluster, Conversation kept, String reason, String detail) {
    return cluster.stream()
        .filter(c -> !c.equals(kept))
        .collect(
            Collectors.toMap(
                Conversation::getId, c -> reason + ": " + detail, (x, y) -> x, TreeMap::new));
  }

  private static Map<String, String> decisions(Iterable<Filtered> filtered) {
    Map<String, String> decisions = new TreeMap<>();
    filtered.forEach(f -> decisions.put(f.getId(), f.getReason() + ": " + f.getDetail()));
    return decisions;
  }
}
