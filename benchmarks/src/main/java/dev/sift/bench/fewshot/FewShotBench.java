package dev.sift.bench.fewshot;

import dev.sift.bench.Args;
import dev.sift.bench.Timing;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.SpecLoader;
import dev.sift.transforms.emit.BundleCriteria;
import dev.sift.transforms.emit.FewShotCandidate;
import dev.sift.transforms.emit.FewShotSelector;
import dev.sift.transforms.quality.ScoreQuality;
import dev.sift.transforms.quality.ScoredConversation;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;

/**
 * {@code ./bench few-shot}: how representative and diverse the chosen few-shot examples are,
 * against random picks of the same size under the same token budget, on a generated task of
 * well-separated topics of Zipf-skewed sizes ({@link TopicTask}); and how long choosing takes. The
 * candidates are what the pipeline would give the selector: the generated conversations go through
 * Sift's quality stage ({@link ScoreQuality}, Direct Runner, filters off) for their token counts,
 * quality scores, topic cells and TF-IDF vectors.
 */
public final class FewShotBench {
  // Lexical: the generated topics are pseudo-word vocabularies, which sentence embeddings cannot
  // tell apart by meaning.
  private static final String SPEC =
      "quality:\n  filter: []\n  otherLanguages: []\n  semantic: \"off\"\n";

  // What the quality stage scored, gathered in this JVM (the Direct Runner runs here).
  private static final Queue<ScoredConversation> SCORED = new ConcurrentLinkedQueue<>();

  private FewShotBench() {}

  public static void main(String[] argv) throws Exception {
    Args args =
        Args.parse(
            "few-shot",
            argv,
            "conversations",
            "conversations of the task (2000)",
            "topics",
            "well-separated topics (4)",
            "skew",
            "Zipf exponent of the topics' sizes (1.0)",
            "seed",
            "generator seed (1)",
            "k",
            "examples to choose (5)",
            "budget",
            "token budget of the examples (2000)",
            "random-picks",
            "random picks to compare with (1000)");
    int n = args.intValue("conversations", 2000);
    int topics = args.intValue("topics", 4);
    double skew = args.doubleValue("skew", 1.0);
    long seed = args.longValue("seed", 1);
    int k = args.intValue("k", 5);
    int budget = args.intValue("budget", 2000);
    int randomPicks = args.intValue("random-picks", 1000);
    if (n < 1 || topics < 1 || k < 1 || budget < 0 || randomPicks < 1) {
      throw new IllegalArgumentException(
          "--conversations, --topics, --k and --random-picks must be >= 1, --budget >= 0");
    }
    PrintStream out = System.out;

    TopicTask task = new TopicTask(n, topics, skew, seed);
    long start = System.nanoTime();
    List<ScoredConversation> scored = score(task);
    double scoringSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Integer> topicOf = new HashMap<>();
    List<FewShotCandidate> candidates = new ArrayList<>();
    for (ScoredConversation s : scored) {
      Conversation conversation = s.getConversation();
      topicOf.put(conversation.getId(), Integer.parseInt(conversation.getMetadata().get("topic")));
      candidates.add(FewShotCandidate.of(conversation.getId(), s.getSignals()));
    }
    candidates.sort((a, b) -> a.id().compareTo(b.id()));

    FewShotSelector selector = new FewShotSelector();
    List<FewShotCandidate> chosen = selector.select(candidates, k, budget);
    Bundle picked = Bundle.of(chosen, candidates, topicOf);

    Random random = new Random(seed);
    List<Bundle> randoms = new ArrayList<>();
    for (int i = 0; i < randomPicks; i++) {
      randoms.add(
          Bundle.of(randomPick(candidates, chosen.size(), budget, random), candidates, topicOf));
    }

    Timing timing = Timing.of(() -> selector.select(candidates, k, budget).size(), 5);

    out.printf(
        Locale.ROOT,
        "Task: %d conversations (%d scored by the quality stage in %.1f s), %d topics of sizes %s"
            + " (Zipf %.2f, seed %d); %d topic cells; tokens per conversation min %d, median %.0f,"
            + " max %d%n",
        n,
        scored.size(),
        scoringSeconds,
        topics,
        topicSizes(topicOf, topics),
        skew,
        seed,
        candidates.stream().map(FewShotCandidate::topic).distinct().count(),
        candidates.stream().mapToInt(FewShotCandidate::tokens).min().orElse(0),
        median(candidates.stream().mapToDouble(FewShotCandidate::tokens).toArray()),
        candidates.stream().mapToInt(FewShotCandidate::tokens).max().orElse(0));
    out.printf(
        Locale.ROOT,
        "Chosen (k=%d, budget %d tokens): %s%n",
        k,
        budget,
        chosen.stream()
            .map(
                c ->
                    String.format(
                        Locale.ROOT,
                        "%s.. topic %d cell %d, %d tokens, quality %.2f",
                        c.id().substring(0, 8),
                        topicOf.get(c.id()),
                        c.topic(),
                        c.tokens(),
                        c.quality()))
            .collect(Collectors.joining("; ")));
    out.printf(
        Locale.ROOT,
        "%nAgainst %d random picks of %d under the same budget (random: mean, and the p5 / p95"
            + " of the picks):%n",
        randomPicks,
        chosen.size());
    out.printf(Locale.ROOT, "  %-34s %8s %8s %8s %8s%n", "", "chosen", "random", "p5", "p95");
    row(out, "topics covered (of " + topics + ")", picked, randoms, b -> b.topicsCovered);
    row(out, "topic cells covered", picked, randoms, b -> b.criteria.topicCellsCovered());
    row(
        out,
        "representativeness (1 - max JS)",
        picked,
        randoms,
        b -> b.value(b.criteria.representativeness()));
    row(
        out,
        "  JS over length buckets",
        picked,
        randoms,
        b -> b.value(b.criteria.lengthDivergence()));
    row(out, "  JS over topic cells", picked, randoms, b -> b.value(b.criteria.topicDivergence()));
    row(out, "diversity (mean 1 - cosine)", picked, randoms, b -> b.value(b.criteria.diversity()));
    row(out, "mean quality score", picked, randoms, b -> b.value(b.criteria.meanQuality()));
    row(out, "tokens", picked, randoms, b -> b.criteria.totalTokens());
    long better =
        randoms.stream()
            .filter(
                b ->
                    b.value(b.criteria.representativeness())
                        < picked.value(picked.criteria.representativeness()))
            .count();
    out.printf(
        Locale.ROOT,
        "  chosen representativeness beats %.1f%% of the random picks (ties %.1f%%)%n",
        100.0 * better / randomPicks,
        100.0
            * randoms.stream()
                .filter(
                    b ->
                        b.value(b.criteria.representativeness())
                            == picked.value(picked.criteria.representativeness()))
                .count()
            / randomPicks);
    out.printf(
        Locale.ROOT,
        "%nSelection time for %d candidates, k=%d: %.1f ms CPU, %.1f ms wall (median of 5 rounds"
            + " after warm-up)%n",
        candidates.size(),
        k,
        timing.cpuSeconds() * 1e3,
        timing.wallSeconds() * 1e3);
  }

  /** The task's conversations through the quality stage, filters off. */
  private static List<ScoredConversation> score(TopicTask task) {
    SiftSpec spec =
        SpecLoader.parse(
            new ByteArrayInputStream(SPEC.getBytes(StandardCharsets.UTF_8)), "few-shot.yaml");
    SCORED.clear();
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    pipeline
        .apply("Indices", GenerateSequence.from(0).to(task.conversations()))
        .apply("Generate", ParDo.of(new GenerateFn(task)))
        .apply("ScoreQuality", ScoreQuality.withSpec(spec))
        .get(ScoreQuality.SCORED)
        .apply("Gather", ParDo.of(new GatherFn()));
    pipeline.run().waitUntilFinish();
    return new ArrayList<>(SCORED);
  }

  /**
   * A random pick of {@code size} under the budget: the candidates in a random order, each taken
   * when it still fits, as the selector's rule does.
   */
  private static List<FewShotCandidate> randomPick(
      List<FewShotCandidate> candidates, int size, int budget, Random random) {
    List<FewShotCandidate> shuffled = new ArrayList<>(candidates);
    Collections.shuffle(shuffled, random);
    List<FewShotCandidate> pick = new ArrayList<>();
    int left = budget;
    for (FewShotCandidate candidate : shuffled) {
      if (pick.size() == size) {
        break;
      }
      if (candidate.tokens() <= left) {
        pick.add(candidate);
        left -= candidate.tokens();
      }
    }
    return pick;
  }

  private static void row(
      PrintStream out,
      String name,
      Bundle chosen,
      List<Bundle> randoms,
      ToDoubleFunction<Bundle> metric) {
    double[] values = randoms.stream().mapToDouble(metric).toArray();
    Arrays.sort(values);
    out.printf(
        Locale.ROOT,
        "  %-34s %8.3f %8.3f %8.3f %8.3f%n",
        name,
        metric.applyAsDouble(chosen),
        Arrays.stream(values).average().orElse(0),
        values[(int) Math.floor(0.05 * (values.length - 1))],
        values[(int) Math.ceil(0.95 * (values.length - 1))]);
  }

  private static String topicSizes(Map<String, Integer> topicOf, int topics) {
    int[] sizes = new int[topics];
    topicOf.values().forEach(t -> sizes[t]++);
    return Arrays.toString(sizes);
  }

  private static double median(double[] values) {
    Arrays.sort(values);
    return values.length == 0 ? 0 : values[values.length / 2];
  }

  /** A pick's criteria and the generated topics it covers. */
  private record Bundle(BundleCriteria criteria, int topicsCovered) {
    static Bundle of(
        List<FewShotCandidate> pick, List<FewShotCandidate> all, Map<String, Integer> topicOf) {
      Set<Integer> topics = pick.stream().map(c -> topicOf.get(c.id())).collect(Collectors.toSet());
      return new Bundle(BundleCriteria.of(pick, all), topics.size());
    }

    double value(Double metric) {
      return metric == null ? 0 : metric;
    }
  }

  private static final class GenerateFn extends DoFn<Long, Conversation> {
    private final TopicTask task;

    GenerateFn(TopicTask task) {
      this.task = task;
    }

    @ProcessElement
    public void processElement(@Element Long index, OutputReceiver<Conversation> out) {
      out.output(task.conversation(index));
    }
  }

  private static final class GatherFn extends DoFn<ScoredConversation, Void> {
    @ProcessElement
    public void processElement(@Element ScoredConversation scored) {
      SCORED.add(scored);
    }
  }
}
