package dev.sift.transforms.quality;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What one conversation's own text says about its quality, before anything is compared with the
 * rest of the task: token counts, turn shape, language, repetition, symbols, a cut-off answer, a
 * refusal, and its term counts for TF-IDF; in the semantic mode also its sentence embedding.
 */
final class Measured implements Serializable {
  /** Short messages: fewer tokens than this. */
  static final int SHORT_MESSAGE_TOKENS = 3;

  /** Words of a conversation kept for the task's distinct-n: its first ones. */
  static final int SAMPLE_WORDS = 256;

  final Conversation conversation;
  final int tokens;
  final int systemTokens;
  final int[] messageTokens;
  final int turns;
  final RoleStructure structure;
  final int shortMessages;
  final int longMessages;
  final int lastAnswerTokens;
  final String language;
  final double repetition;
  final double symbolRatio;
  final boolean truncated;
  final boolean refusal;
  final boolean boilerplate;
  final TermVector.TermCounts terms;
  final long[] words;
  final String question;
  final String answer;

  /** The sentence embedding in the semantic mode ({@link SentenceEmbedder}), else null. */
  final float[] embedding;

  Measured(Builder b) {
    conversation = b.conversation;
    tokens = b.tokens;
    systemTokens = b.systemTokens;
    messageTokens = b.messageTokens;
    turns = b.turns;
    structure = b.structure;
    shortMessages = b.shortMessages;
    longMessages = b.longMessages;
    lastAnswerTokens = b.lastAnswerTokens;
    language = b.language;
    repetition = b.repetition;
    symbolRatio = b.symbolRatio;
    truncated = b.truncated;
    refusal = b.refusal;
    boilerplate = b.boilerplate;
    terms = b.terms;
    words = b.words;
    question = b.question;
    answer = b.answer;
    embedding = b.embedding;
  }

  private Measured(Measured m, float[] embedding) {
    conversation = m.conversation;
    tokens = m.tokens;
    systemTokens = m.systemTokens;
    messageTokens = m.messageTokens;
    turns = m.turns;
    structure = m.structure;
    shortMessages = m.shortMessages;
    longMessages = m.longMessages;
    lastAnswerTokens = m.lastAnswerTokens;
    language = m.language;
    repetition = m.repetition;
    symbolRatio = m.symbolRatio;
    truncated = m.truncated;
    refusal = m.refusal;
    boilerplate = m.boilerplate;
    terms = m.terms;
    words = m.words;
    question = m.question;
    answer = m.answer;
    this.embedding = embedding;
  }

  /** The same measurements with the conversation's sentence embedding. */
  Measured withEmbedding(float[] embedding) {
    return new Measured(this, embedding);
  }

  boolean semantic() {
    return embedding != null;
  }

  int[] termIds() {
    return terms.ids();
  }

  /** Measures {@code conversation}: one pass over each message's text, plus the tokenizer. */
  static Measured of(
      Conversation conversation, Tokens tokenizer, Languages languages, int longMessageTokens) {
    Builder b = new Builder();
    b.conversation = conversation;
    b.structure = RoleStructure.of(conversation.getMessages());
    b.messageTokens = new int[conversation.getMessages().size()];
    StringBuilder languageSample = new StringBuilder();
    long[] allTerms = new long[0];
    int termCount = 0;
    long[] sample = new long[SAMPLE_WORDS];
    int sampled = 0;
    double repetition = 0;
    int symbols = 0;
    int visible = 0;
    String lastAnswer = null;
    int lastAnswerWords = 0;
    int i = 0;
    for (Message message : conversation.getMessages()) {
      String content = message.getContent();
      int tokens = tokenizer.count(content);
      b.messageTokens[i++] = tokens;
      if (message.getRole().equals(Role.SYSTEM.wireName())) {
        b.systemTokens += tokens;
        continue;
      }
      b.turns++;
      b.tokens += tokens;
      if (tokens < SHORT_MESSAGE_TOKENS) {
        b.shortMessages++;
      }
      if (tokens >= longMessageTokens) {
        b.longMessages++;
      }
      Words words = Words.of(content);
      repetition = Math.max(repetition, Repetition.ratio(content, words));
      int[] symbolCounts = TextSignals.symbolCounts(content);
      symbols += symbolCounts[0];
      visible += symbolCounts[1];
      if (allTerms.length < termCount + words.count) {
        allTerms = Arrays.copyOf(allTerms, Math.max(2 * allTerms.length, termCount + words.count));
      }
      System.arraycopy(words.terms, 0, allTerms, termCount, words.count);
      termCount += words.count;
      for (int w = 0; w < words.count && sampled < SAMPLE_WORDS; w++) {
        sample[sampled++] = words.hashes[w];
      }
      Languages.appendWords(languageSample, content);
      if (message.getRole().equals(Role.USER.wireName()) && b.question == null) {
        b.question = content;
      } else if (message.getRole().equals(Role.ASSISTANT.wireName())) {
        if (b.answer == null && b.question != null) {
          b.answer = content;
        }
        lastAnswer = content;
        lastAnswerWords = words.count;
        b.lastAnswerTokens = tokens;
        b.boilerplate |= TextSignals.boilerplate(content);
      }
    }
    b.repetition = repetition;
    b.symbolRatio = visible == 0 ? 0 : (double) symbols / visible;
    b.truncated = lastAnswer != null && TextSignals.truncated(lastAnswer);
    b.refusal = lastAnswer != null && TextSignals.refusal(lastAnswer, lastAnswerWords);
    b.language = languages.detect(languageSample);
    b.terms = TermVector.count(allTerms, termCount);
    b.words = Arrays.copyOf(sample, sampled);
    return new Measured(b);
  }

  /** The fields of a {@link Measured}, as {@link #of} and {@link MeasuredCoder} fill them. */
  static final class Builder {
    Conversation conversation;
    int tokens;
    int systemTokens;
    int[] messageTokens;
    int turns;
    RoleStructure structure;
    int shortMessages;
    int longMessages;
    int lastAnswerTokens;
    String language;
    double repetition;
    double symbolRatio;
    boolean truncated;
    boolean refusal;
    boolean boilerplate;
    TermVector.TermCounts terms;
    long[] words;
    String question;
    String answer;
    float[] embedding;
  }
}
