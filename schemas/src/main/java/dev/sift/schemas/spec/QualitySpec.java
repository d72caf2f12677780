package dev.sift.schemas.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How conversations and tasks are scored against the five quality criteria, and which conversations
 * are filtered for falling below a minimum. docs/quality-criteria.md defines every signal and
 * metric.
 *
 * @param encoding the tokenizer's encoding for token counts: {@code o200k_base} (default), {@code
 *     cl100k_base}, {@code p50k_base}, {@code p50k_edit} or {@code r50k_base}
 * @param languages ISO 639-1 codes of the languages the data should be in ({@code [en]})
 * @param otherLanguages languages the detector may answer besides {@code languages}, so that text
 *     in another language is told apart ({@code [de, es, fr, it, nl, pt]}); the fewer, the faster
 * @param labelFields metadata fields (label, intent, outcome, ...) whose balance is measured
 * @param filter the reason codes that filter a conversation; the other signals only lower scores
 * @param minRelevance lexical relevance to the task's description, keywords and examples below
 *     which a conversation is off topic (0.01: it shares almost no weighted term with them)
 * @param minTokens tokens of the non-system turns below which a conversation is too short (8)
 * @param longMessageTokens tokens from which one message counts as very long (2048)
 * @param minScore per-conversation quality score below which a conversation is filtered as {@code
 *     low_quality} (0.5)
 * @param conflictSimilarity word-set Jaccard similarity below which two answers to the same
 *     question conflict (0.3)
 * @param pass criterion score from which a criterion passes (0.8)
 * @param warn criterion score from which a criterion warns rather than fails (0.6)
 * @param semantic whether sentence embeddings score a task ({@link #SEMANTIC_MODES}): {@code auto}
 *     (default: a task of at most {@code semanticMaxConversations} conversations), {@code on}
 *     (every task) or {@code off} (none: TF-IDF only)
 * @param semanticMaxConversations the largest task {@code auto} scores with embeddings ({@value
 *     #DEFAULT_SEMANTIC_MAX_CONVERSATIONS}: under a minute on two cores of the measured machine)
 * @param minSemanticRelevance embedding cosine similarity to the task's description, keywords and
 *     examples below which a conversation of a semantically scored task is off topic (0.12)
 */
public record QualitySpec(
    String encoding,
    List<String> languages,
    List<String> otherLanguages,
    List<String> labelFields,
    List<String> filter,
    Double minRelevance,
    Integer minTokens,
    Integer longMessageTokens,
    Double minScore,
    Double conflictSimilarity,
    Double pass,
    Double warn,
    @JsonDeserialize(using = SemanticModeDeserializer.class) String semantic,
    Integer semanticMaxConversations,
    Double minSemanticRelevance)
    implements Serializable {

  /**
   * Reads {@code semantic}: YAML 1.1 makes a bare {@code on} or {@code off} a boolean, so true and
   * false are read as {@code on} and {@code off}; other values must be strings.
   */
  static final class SemanticModeDeserializer extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return switch (parser.currentToken()) {
        case VALUE_TRUE -> "on";
        case VALUE_FALSE -> "off";
        case VALUE_STRING -> parser.getText();
        default -> (String) context.handleUnexpectedToken(String.class, parser);
      };
    }
  }

  /** The values of {@code semantic}. */
  public static final List<String> SEMANTIC_MODES = List.of("auto", "on", "off");

  /**
   * Conversations a task may have for {@code semantic: auto} to embed it. Measured with ./bench
   * semantic on the project's 2-core machine, shared with other builds: the semantic mode costs 25
   * to 44 ms of CPU per conversation of the samples' kind, so 2,000 conversations cost under a
   * minute on two cores (docs/quality-criteria.md, "Cost").
   */
  public static final int DEFAULT_SEMANTIC_MAX_CONVERSATIONS = 2_000;

  /** The tokenizer encodings JTokkit ships. */
  public static final List<String> ENCODINGS =
      List.of("o200k_base", "cl100k_base", "p50k_base", "p50k_edit", "r50k_base");

  /** The filter reason codes of the quality stage, in the order they are tested. */
  public static final List<String> REASONS =
      List.of(
          "malformed_roles",
          "wrong_language",
          "too_short",
          "repetitive",
          "refusal",
          "truncated",
          "off_topic",
          "low_quality");

  /** The reasons that filter by default: every quality reason but {@code truncated}. */
  public static final List<String> DEFAULT_FILTER =
      List.of(
          "malformed_roles",
          "wrong_language",
          "too_short",
          "repetitive",
          "refusal",
          "off_topic",
          "low_quality");

  public QualitySpec {
    encoding = Objects.requireNonNullElse(encoding, "o200k_base");
    languages = languages == null ? List.of("en") : List.copyOf(languages);
    otherLanguages =
        otherLanguages == null
            ? List.of("de", "es", "fr", "it", "nl", "pt")
            : List.copyOf(otherLanguages);
    labelFields = labelFields == null ? List.of() : List.copyOf(labelFields);
    filter = filter == null ? DEFAULT_FILTER : List.copyOf(filter);
    minRelevance = Objects.requireNonNullElse(minRelevance, 0.01);
    minTokens = Objects.requireNonNullElse(minTokens, 8);
    longMessageTokens = Objects.requireNonNullElse(longMessageTokens, 2048);
    minScore = Objects.requireNonNullElse(minScore, 0.5);
    conflictSimilarity = Objects.requireNonNullElse(conflictSimilarity, 0.3);
    pass = Objects.requireNonNullElse(pass, 0.8);
    warn = Objects.requireNonNullElse(warn, 0.6);
    semantic = Objects.requireNonNullElse(semantic, "auto");
    semanticMaxConversations =
        Objects.requireNonNullElse(semanticMaxConversations, DEFAULT_SEMANTIC_MAX_CONVERSATIONS);
    minSemanticRelevance = Objects.requireNonNullElse(minSemanticRelevance, 0.12);
  }

  /** The settings before the semantic mode, which then takes its defaults. */
  public QualitySpec(
      String encoding,
      List<String> languages,
      List<String> otherLanguages,
      List<String> labelFields,
      List<String> filter,
      Double minRelevance,
      Integer minTokens,
      Integer longMessageTokens,
      Double minScore,
      Double conflictSimilarity,
      Double pass,
      Double warn) {
    this(
        encoding,
        languages,
        otherLanguages,
        labelFields,
        filter,
        minRelevance,
        minTokens,
        longMessageTokens,
        minScore,
        conflictSimilarity,
        pass,
        warn,
        null,
        null,
        null);
  }

  public static QualitySpec standard() {
    return new QualitySpec(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The same settings with {@code semantic} set to {@code mode}. */
  public QualitySpec withSemantic(String mode) {
    return new QualitySpec(
        encoding,
        languages,
        otherLanguages,
        labelFields,
        filter,
        minRelevance,
        minTokens,
        longMessageTokens,
        minScore,
        conflictSimilarity,
        pass,
        warn,
        mode,
        semanticMaxConversations,
        minSemanticRelevance);
  }

  /**
   * Whether a task of {@code conversations} conversations is scored with sentence embeddings: by
   * {@code semantic}, and for {@code auto} by {@code semanticMaxConversations}.
   */
  public boolean semanticFor(long conversations) {
    return switch (semantic) {
      case "on" -> true;
      case "off" -> false;
      default -> conversations <= semanticMaxConversations;
    };
  }

  /** Whether {@code reason} (a filter reason code) filters conversations. */
  public boolean filters(String reason) {
    return filter.contains(reason);
  }
}
