package dev.sift.bench.dedup;

import dev.sift.bench.Args;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.DedupSpec;
import dev.sift.transforms.dedup.LshBands;
import dev.sift.transforms.dedup.ShingleSets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.values.KV;

/**
 * {@code ./bench dedup}: the dedup stage's near-duplicate pairs against brute-force exact Jaccard
 * on generated near-duplicate families, recall and precision per Jaccard band, side by side with
 * Spark MLlib's MinHashLSH when the benchmarks were built with {@code -Pspark-bench}; then, with
 * {@code --scale}, the stage's time at growing sizes against n log n.
 */
public final class DedupBench {
  private static final double[] BAND_EDGES = {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0};
  private static final String SPARK_JOIN = "dev.sift.bench.dedup.spark.SparkMinHashJoin";
  private static final String EMBEDDED_FLINK =
      "--runner=FlinkRunner --flinkMaster=[local] --parallelism=2";

  private DedupBench() {}

  public static void main(String[] argv) throws Exception {
    Args args =
        Args.parse(
            "dedup",
            argv,
            "conversations",
            "conversations of the quality comparison (default 5000; brute force is quadratic)",
            "seed",
            "generator seed (default 1)",
            "duplicate-share",
            "share of family slots that are variants rather than strangers (default 0.5)",
            "threshold",
            "Jaccard threshold (default 0.8)",
            "verification",
            "jaccard (default) or signature",
            "spark-tables",
            "MinHashLSH hash tables for Spark (default 5; Spark's documented example)",
            "scale",
            "comma-separated sizes whose stage time to measure, e.g. 100000,300000,1000000",
            "runner-args",
            "Beam options of Sift's runs, separated by spaces (default: "
                + EMBEDDED_FLINK
                + "; the Direct Runner copies every element into in-memory state at each shuffle and"
                + " takes hours at 1M)");
    long seed = args.longValue("seed", 1);
    double threshold = args.doubleValue("threshold", 0.8);
    NearDuplicateGenerator generator =
        new NearDuplicateGenerator(seed, args.doubleValue("duplicate-share", 0.5));
    DedupSpec spec =
        new DedupSpec(
            null, null, threshold, null, null, args.value("verification", null), null, null);
    String[] beamArgs = args.value("runner-args", EMBEDDED_FLINK).trim().split("\\s+");
    SiftRun sift = new SiftRun(generator, beamArgs);

    int n = args.intValue("conversations", 5000);
    if (n > 0) {
      compare(n, generator, spec, sift, args.intValue("spark-tables", 5));
    }
    String scale = args.value("scale", null);
    if (scale != null) {
      List<Long> sizes =
          Arrays.stream(scale.split(",")).map(s -> Long.parseLong(s.trim())).toList();
      ScaleBench.run(sizes, spec, sift, System.out);
    }
  }

  private static void compare(
      int n, NearDuplicateGenerator generator, DedupSpec spec, SiftRun sift, int sparkTables)
      throws Exception {
    ShingleSets shingles = new ShingleSets(spec);
    List<Conversation> conversations = new ArrayList<>(n);
    List<long[]> sets = new ArrayList<>(n);
    Map<String, Integer> indexOf = new HashMap<>();
    Map<String, List<Integer>> copies = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Conversation conversation = generator.conversation(i);
      conversations.add(conversation);
      sets.add(shingles.of(conversation));
      indexOf.put(conversation.getId(), i);
      copies.computeIfAbsent(shingles.keyText(conversation), text -> new ArrayList<>()).add(i);
    }
    int exactCopies = n - copies.size();
    LshBands bands = LshBands.forThreshold(spec.threshold(), spec.numPerm());
    System.out.printf(
        Locale.ROOT,
        "dedup quality: %,d generated conversations (%d exact copies), threshold %.2f,"
            + " %d bands x %d rows of %d MinHash values, verification %s%n",
        n,
        exactCopies,
        spec.threshold(),
        bands.bands(),
        bands.rows(),
        spec.numPerm(),
        spec.verification());

    Clock.Timed<List<TruePairs.Pair>> truth =
        Clock.time(() -> TruePairs.atLeast(sets, BAND_EDGES[0]));
    System.out.printf(
        Locale.ROOT,
        "brute force: %,d pairs compared, %,d at Jaccard >= %.2f (%.1f s)%n",
        (long) n * (n - 1) / 2,
        truth.result().size(),
        BAND_EDGES[0],
        truth.clock().wallSeconds());

    Clock.Timed<SiftRun.Result> siftRun = Clock.time(() -> sift.dedup(n, spec));
    Set<Long> siftPairs = siftPairs(siftRun.result(), indexOf, copies.values(), conversations);
    Map<String, String> keptFor = siftRun.result().keptFor();
    List<Tool> tools = new ArrayList<>();
    tools.add(new Tool("Sift", siftPairs, siftRun.clock()));

    SimilarityJoin spark = spark(sparkTables);
    if (spark != null) {
      Clock.Timed<Set<Long>> sparkRun = Clock.time(() -> spark.pairs(sets, spec.threshold()));
      tools.add(new Tool("Spark", sparkRun.result(), sparkRun.clock()));
    }

    new PairReport(BAND_EDGES, spec.threshold(), truth.result(), tools).print(System.out);
    System.out.printf(
        Locale.ROOT,
        "Sift clusters: %.4f of the true pairs at or above the threshold end in one cluster%n",
        PairReport.sameClusterShare(
            truth.result(),
            spec.threshold(),
            i -> keptFor.getOrDefault(idOf(conversations, i), idOf(conversations, i))));
    if (spark == null) {
      System.out.println(
          "Spark MLlib: not on the classpath; run BENCH_PROFILES=spark-bench ./bench dedup ...");
    } else {
      System.out.println("Spark: " + spark.describe());
    }
  }

  /**
   * The pairs the stage's decisions imply: every two exact copies (same key text), and for each
   * confirmed near pair, which links two exact-copy groups through their representatives (the
   * smallest ids), every pair across the two groups.
   */
  private static Set<Long> siftPairs(
      SiftRun.Result result,
      Map<String, Integer> indexOf,
      Iterable<List<Integer>> copyGroups,
      List<Conversation> conversations) {
    Map<Integer, List<Integer>> groupOf = new HashMap<>();
    Set<Long> pairs = new HashSet<>();
    for (List<Integer> group : copyGroups) {
      int representative =
          group.stream().min(Comparator.comparing(i -> idOf(conversations, i))).orElseThrow();
      groupOf.put(representative, group);
      for (int a : group) {
        for (int b : group) {
          if (a < b) {
            pairs.add(TruePairs.Pair.key(a, b));
          }
        }
      }
    }
    for (KV<String, String> pair : result.pairs()) {
      for (int a : groupOf.get(indexOf.get(pair.getKey()))) {
        for (int b : groupOf.get(indexOf.get(pair.getValue()))) {
          pairs.add(TruePairs.Pair.key(a, b));
        }
      }
    }
    return pairs;
  }

  private static String idOf(List<Conversation> conversations, int index) {
    return conversations.get(index).getId();
  }

  /** The Spark comparison, present only in a {@code -Pspark-bench} build. */
  private static SimilarityJoin spark(int tables) throws ReflectiveOperationException {
    try {
      return (SimilarityJoin)
          Class.forName(SPARK_JOIN).getConstructor(int.class).newInstance(tables);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /** One tool's reported pairs and its time. */
  record Tool(String name, Set<Long> pairs, Clock clock) {}
}
