package dev.sift.transforms.quality;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.Reason;
import dev.sift.schemas.spec.QualitySpec;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.TaskSpec;
import dev.sift.transforms.Buckets;
import dev.sift.transforms.SchemaCoders;
import dev.sift.transforms.SerializedCoder;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.accounting.Accounting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Scores every clean conversation against its task and filters those below the spec's minimums
 * (docs/quality-criteria.md): measure each conversation's own text (tokens, turns, language,
 * repetition, ...), count document frequencies over all of them, weigh each against its task
 * (TF-IDF relevance, topic cell, quality score), then route it, and combine per task what the five
 * criteria need. Tasks the semantic mode scores ({@code quality.semantic}) are weighed by sentence
 * embeddings instead: relevance to the task's embedded profile and k-means topic clusters. Outputs:
 * the kept conversations ({@link StageOutputs#CONVERSATIONS}), the same with their signals ({@link
 * #SCORED}), the filtered ones ({@link StageOutputs#FILTERED}) and each task's {@link TaskQuality}
 * ({@link #TASKS}).
 */
public final class ScoreQuality extends PTransform<PCollection<Conversation>, PCollectionTuple> {
  public static final String STAGE = "quality";

  /** Kept conversations with their quality signals. */
  public static final TupleTag<ScoredConversation> SCORED = new TupleTag<>() {};

  /** {@code (task, quality)} for every task with a scored conversation. */
  public static final TupleTag<KV<String, TaskQuality>> TASKS = new TupleTag<>() {};

  private final SiftSpec spec;
  private final Buckets buckets;

  private ScoreQuality(SiftSpec spec, Buckets buckets) {
    this.spec = spec;
    this.buckets = buckets;
  }

  /**
   * Scoring as the spec says, questions compared in {@link Buckets#FOR_CLUSTERS} buckets; fails at
   * once when the spec names a language Lingua cannot detect.
   */
  public static ScoreQuality withSpec(SiftSpec spec) {
    Languages.check(spec.quality().languages());
    Languages.check(spec.quality().otherLanguages());
    return new ScoreQuality(spec, Buckets.of(Buckets.FOR_CLUSTERS));
  }

  /** The same, questions compared in {@code buckets}; the scores do not depend on them. */
  public ScoreQuality inBuckets(Buckets buckets) {
    return new ScoreQuality(spec, buckets);
  }

  @Override
  public PCollectionTuple expand(PCollection<Conversation> clean) {
    QualitySpec quality = spec.quality();
    Coder<Conversation> conversationCoder = SchemaCoders.of(clean, Conversation.class);
    PCollection<Measured> measured =
        clean
            .apply("MeasureConversations", ParDo.of(new MeasureFn(quality)))
            .setCoder(MeasuredCoder.of(conversationCoder));
    PCollectionView<DocumentFrequencies> frequencies =
        measured.apply(
            "CountDocumentFrequencies",
            Combine.globally(new DocumentFrequencies.CountFn()).asSingletonView());
    PCollection<Scored> scored;
    if (quality.semantic().equals("off")) {
      scored =
          measured.apply(
              "WeighAgainstTasks",
              ParDo.of(new WeighFn(spec, frequencies, null)).withSideInputs(frequencies));
    } else {
      PCollection<Measured> embedded =
          measured.apply("EmbedSemanticTasks", new EmbedSemanticTasks(quality));
      PCollectionView<Map<String, TopicClusters>> clusters =
          embedded.apply("FitTopicClusters", new FitTopicClusters());
      scored =
          embedded.apply(
              "WeighAgainstTasks",
              ParDo.of(new WeighFn(spec, frequencies, clusters))
                  .withSideInputs(frequencies, clusters));
    }
    ScoredCoder scoredCoder = ScoredCoder.of(conversationCoder);
    scored.setCoder(scoredCoder);
    PCollectionTuple routed =
        scored.apply(
            "FilterBelowMinimums",
            ParDo.of(new RouteFn())
                .withOutputTags(
                    StageOutputs.CONVERSATIONS,
                    TupleTagList.of(SCORED).and(StageOutputs.FILTERED)));

    KvCoder<String, Scored> byTaskCoder = KvCoder.of(StringUtf8Coder.of(), scoredCoder);
    PCollection<KV<String, TaskQuality>> stats =
        scored
            .apply("KeyByTask", ParDo.of(new KeyByTaskFn()))
            .setCoder(byTaskCoder)
            .apply(
                "CombineTaskStats",
                Combine.perKey(new TaskStats.CombineStatsFn(quality.labelFields())))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializedCoder.forType(TaskQuality.class)));
    PCollection<KV<String, Conflicts.Summary>> conflicts =
        scored
            .apply("KeyAnswersByQuestionBucket", ParDo.of(new KeyByQuestionFn(buckets)))
            .setCoder(
                KvCoder.of(
                    VarIntCoder.of(),
                    KvCoder.of(StringUtf8Coder.of(), ConflictCoders.AnswerCoder.INSTANCE)))
            .apply("GroupByQuestionBucket", GroupByKey.create())
            .apply("FindConflicts", ParDo.of(new FindConflictsFn(quality.conflictSimilarity())))
            .setCoder(
                KvCoder.of(StringUtf8Coder.of(), ListCoder.of(ConflictCoders.PairCoder.INSTANCE)))
            .apply("SummarizeConflicts", Combine.perKey(new Conflicts.SummarizeFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), ConflictCoders.SummaryCoder.INSTANCE));
    TupleTag<TaskQuality> statsTag = new TupleTag<>() {};
    TupleTag<Conflicts.Summary> conflictsTag = new TupleTag<>() {};
    PCollection<KV<String, TaskQuality>> tasks =
        KeyedPCollectionTuple.of(statsTag, stats)
            .and(conflictsTag, conflicts)
            .apply("JoinTaskStatsAndConflicts", CoGroupByKey.create())
            .apply("AddConflicts", ParDo.of(new AddConflictsFn(statsTag, conflictsTag)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializedCoder.forType(TaskQuality.class)));

    return PCollectionTuple.of(StageOutputs.CONVERSATIONS, routed.get(StageOutputs.CONVERSATIONS))
        .and(SCORED, routed.get(SCORED))
        .and(StageOutputs.FILTERED, routed.get(StageOutputs.FILTERED))
        .and(TASKS, tasks);
  }

  /** Measures each conversation; the tokenizer and detector are loaded once per JVM. */
  private static final class MeasureFn extends DoFn<Conversation, Measured> {
    private final QualitySpec quality;
    private transient Tokens tokens;
    private transient Languages languages;

    MeasureFn(QualitySpec quality) {
      this.quality = quality;
    }

    @Setup
    public void setup() {
      tokens = Tokens.of(quality.encoding());
      languages = Languages.of(quality.languages(), quality.otherLanguages());
    }

    @ProcessElement
    public void processElement(@Element Conversation conversation, OutputReceiver<Measured> out) {
      out.output(Measured.of(conversation, tokens, languages, quality.longMessageTokens()));
    }
  }

  /**
   * Weighs each conversation's terms by IDF and compares it with its task's profile: by TF-IDF, or,
   * for a conversation the semantic mode embedded, by its embedding (relevance to the task's
   * embedded profile, topic cluster).
   */
  private static final class WeighFn extends DoFn<Measured, Scored> {
    private final SiftSpec spec;
    private final PCollectionView<DocumentFrequencies> frequencies;
    private final PCollectionView<Map<String, TopicClusters>> clusters;
    private transient DocumentFrequencies profilesFor;
    private transient Map<String, TermVector> profiles;
    private transient Map<String, SemanticProfile> semanticProfiles;

    /** {@code clusters}: null when the semantic mode is off. */
    WeighFn(
        SiftSpec spec,
        PCollectionView<DocumentFrequencies> frequencies,
        PCollectionView<Map<String, TopicClusters>> clusters) {
      this.spec = spec;
      this.frequencies = frequencies;
      this.clusters = clusters;
    }

    @Setup
    public void setup() {
      semanticProfiles = new HashMap<>();
    }

    @ProcessElement
    public void processElement(
        @Element Measured measured, ProcessContext context, OutputReceiver<Scored> out) {
      DocumentFrequencies df = context.sideInput(frequencies);
      if (df != profilesFor) {
        profiles = new HashMap<>();
        profilesFor = df;
      }
      QualitySpec quality = spec.quality();
      String task = measured.conversation.getTask();
      TermVector vector = TermVector.weigh(measured.terms, df);
      Double relevance;
      int topic;
      if (measured.semantic()) {
        SemanticProfile profile =
            semanticProfiles.computeIfAbsent(task, t -> SemanticProfile.of(spec.tasks().get(t)));
        relevance = profile.relevance(measured.embedding);
        topic = context.sideInput(clusters).get(task).assign(measured.embedding);
      } else {
        TermVector profile = profiles.computeIfAbsent(task, t -> profile(spec.tasks().get(t), df));
        relevance = profile.size() == 0 ? null : vector.cosine(profile);
        topic = vector.cell(Scored.TOPIC_BITS);
      }
      boolean languageExpected =
          measured.language.equals(Languages.UNKNOWN)
              || quality.languages().contains(measured.language);
      double score = ConversationScore.of(measured, relevance, languageExpected, quality);
      List<String> flags =
          ConversationScore.flags(measured, relevance, languageExpected, score, quality);
      String filteredFor = flags.stream().filter(quality::filters).findFirst().orElse(null);
      out.output(
          new Scored(
              measured, vector, relevance, languageExpected, topic, score, flags, filteredFor));
    }

    private static TermVector profile(TaskSpec task, DocumentFrequencies df) {
      if (task == null || task.profileText().isBlank()) {
        return TermVector.EMPTY;
      }
      Words words = Words.of(task.profileText());
      return TermVector.weigh(TermVector.count(words.terms, words.count), df);
    }
  }

  private static final class RouteFn extends DoFn<Scored, Conversation> {
    @ProcessElement
    public void processElement(@Element Scored scored, MultiOutputReceiver out) {
      Conversation conversation = scored.measured.conversation;
      if (scored.kept()) {
        out.get(StageOutputs.CONVERSATIONS).output(conversation);
        out.get(SCORED).output(ScoredConversation.create(conversation, scored.signals()));
        return;
      }
      Accounting.filtered(scored.filteredFor);
      out.get(StageOutputs.FILTERED)
          .output(
              Filtered.of(
                  conversation, STAGE, Reason.fromCode(scored.filteredFor), detail(scored)));
    }

    private static String detail(Scored scored) {
      Measured m = scored.measured;
      return switch (scored.filteredFor) {
        case "malformed_roles" -> m.structure.code();
        case "wrong_language" -> "detected " + m.language;
        case "too_short" -> m.tokens + " tokens";
        case "repetitive" ->
            String.format(java.util.Locale.ROOT, "repetition %.2f of the limit", m.repetition);
        case "off_topic" ->
            String.format(
                java.util.Locale.ROOT,
                m.semantic() ? "semantic relevance %.4f" : "relevance %.4f",
                scored.relevance);
        case "low_quality" -> String.format(java.util.Locale.ROOT, "score %.4f", scored.score);
        default -> String.join(", ", scored.flags);
      };
    }
  }

  private static final class KeyByTaskFn extends DoFn<Scored, KV<String, Scored>> {
    @ProcessElement
    public void processElement(@Element Scored scored, OutputReceiver<KV<String, Scored>> out) {
      out.output(KV.of(scored.task(), scored));
    }
  }

  /** Keys each kept conversation's first answer by its task and folded first question. */
  /**
   * {@code (bucket, (task and question, answer))}: a key per question would cost the Direct Runner
   * a bundle per question (see {@link Buckets}).
   */
  private static final class KeyByQuestionFn
      extends DoFn<Scored, KV<Integer, KV<String, Conflicts.Answer>>> {
    private final Buckets buckets;

    KeyByQuestionFn(Buckets buckets) {
      this.buckets = buckets;
    }

    @ProcessElement
    public void processElement(
        @Element Scored scored, OutputReceiver<KV<Integer, KV<String, Conflicts.Answer>>> out) {
      Measured m = scored.measured;
      if (!scored.kept() || m.question == null || m.answer == null) {
        return;
      }
      String key = Conflicts.questionKey(m.question);
      if (key != null) {
        String question = scored.task() + "\u0000" + key;
        out.output(
            KV.of(
                buckets.of(question),
                KV.of(question, Conflicts.Answer.of(scored.id(), m.question, m.answer))));
      }
    }
  }

  /** Samples the answers of each question of a bucket and outputs its conflicting pairs by task. */
  private static final class FindConflictsFn
      extends DoFn<
          KV<Integer, Iterable<KV<String, Conflicts.Answer>>>, KV<String, List<Conflicts.Pair>>> {
    private final double similarity;

    FindConflictsFn(double similarity) {
      this.similarity = similarity;
    }

    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<KV<String, Conflicts.Answer>>> bucket,
        OutputReceiver<KV<String, List<Conflicts.Pair>>> out) {
      Map<String, Conflicts.AnswerSample> questions = new HashMap<>();
      for (KV<String, Conflicts.Answer> answer : bucket.getValue()) {
        questions
            .computeIfAbsent(answer.getKey(), question -> new Conflicts.AnswerSample())
            .add(answer.getValue());
      }
      questions.forEach(
          (question, sample) -> {
            List<Conflicts.Pair> pairs = Conflicts.pairs(sample.answers(), similarity);
            if (!pairs.isEmpty()) {
              out.output(KV.of(question.substring(0, question.indexOf('\u0000')), pairs));
            }
          });
    }
  }

  private static final class AddConflictsFn
      extends DoFn<KV<String, CoGbkResult>, KV<String, TaskQuality>> {
    private final TupleTag<TaskQuality> statsTag;
    private final TupleTag<Conflicts.Summary> conflictsTag;

    AddConflictsFn(TupleTag<TaskQuality> statsTag, TupleTag<Conflicts.Summary> conflictsTag) {
      this.statsTag = statsTag;
      this.conflictsTag = conflictsTag;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, CoGbkResult> task, OutputReceiver<KV<String, TaskQuality>> out) {
      TaskQuality quality = task.getValue().getOnly(statsTag, null);
      if (quality != null) {
        Conflicts.Summary conflicts = task.getValue().getOnly(conflictsTag, Conflicts.Summary.NONE);
        out.output(KV.of(task.getKey(), quality.withConflicts(conflicts)));
      }
    }
  }
}
