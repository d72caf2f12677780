package dev.sift.bench.fewshot;

import dev.sift.bench.PseudoWords;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A generated task of well-separated topics with Zipf-skewed sizes: topic t holds a share of the
 * conversations proportional to {@code 1 / (t + 1)^skew}. Each topic has its own vocabulary of
 * pseudo-words; every conversation also draws from a vocabulary all topics share (the "thanks,
 * account, please" of support chats), so topics overlap lexically as real ones do. Words follow
 * Zipf frequencies within each vocabulary. Conversation i is fixed by the seed and i alone; its
 * topic is in the metadata field {@value #TOPIC}.
 */
final class TopicTask implements Serializable {
  static final String TASK = "support";
  static final String TOPIC = "topic";

  private static final int TOPIC_WORDS = 300;
  private static final int SHARED_WORDS = 400;

  /** Share of a conversation's words drawn from its topic's vocabulary; the rest are shared. */
  private static final double TOPIC_SHARE = 0.5;

  private final long seed;
  private final int conversations;
  private final double[] topicCumulative;
  private final String[][] topicWords;
  private final String[] sharedWords;
  private final double[] sharedCumulative;
  private final double[] topicWordCumulative;

  TopicTask(int conversations, int topics, double skew, long seed) {
    this.seed = seed;
    this.conversations = conversations;
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> seen = new HashSet<>();
    sharedWords = PseudoWords.distinct(random, SHARED_WORDS, 2, 4, seen);
    topicWords = new String[topics][];
    for (int t = 0; t < topics; t++) {
      topicWords[t] = PseudoWords.distinct(random, TOPIC_WORDS, 2, 4, seen);
    }
    topicCumulative = PseudoWords.zipf(topics, skew);
    sharedCumulative = PseudoWords.zipf(SHARED_WORDS, 1.0);
    topicWordCumulative = PseudoWords.zipf(TOPIC_WORDS, 1.0);
  }

  int conversations() {
    return conversations;
  }

  int topics() {
    return topicWords.length;
  }

  /** Conversation {@code i}: one to three exchanges of a user question and an answer. */
  Conversation conversation(long i) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    int topic = PseudoWords.draw(topicCumulative, random);
    List<Message> messages = new ArrayList<>();
    int exchanges = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(1, 3));
    for (int e = 0; e < exchanges; e++) {
      messages.add(Message.of(Role.USER, sentence(random, topic, 8 + random.nextInt(40))));
      int answer = (int) Math.round(15 * Math.exp(random.nextDouble() * Math.log(10)));
      messages.add(Message.of(Role.ASSISTANT, sentence(random, topic, answer)));
    }
    return Conversation.of(
        TASK,
        SourceRef.create("topics.jsonl", i + 1, i, "openai"),
        messages,
        Map.of(TOPIC, Integer.toString(topic)));
  }

  private String sentence(SplittableRandom random, int topic, int words) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word =
          random.nextDouble() < TOPIC_SHARE
              ? topicWords[topic][PseudoWords.draw(topicWordCumulative, random)]
              : sharedWords[PseudoWords.draw(sharedCumulative, random)];
      text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
      text.append(w == words - 1 ? "." : (random.nextInt(12) == 0 ? ", " : " "));
    }
    return text.toString();
  }
}
