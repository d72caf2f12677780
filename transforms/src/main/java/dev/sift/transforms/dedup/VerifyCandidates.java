package dev.sift.transforms.dedup;

import dev.sift.transforms.Batches;
import dev.sift.transforms.Buckets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Confirms candidate pairs: a pair is a near-duplicate edge when the similarity of its sketches
 * (exact Jaccard of the shingle sets, or the signature estimate) reaches the threshold. Sketches
 * stay in their node's bucket; each pair travels to {@code a}'s bucket to pick up {@code a}'s
 * sketch, then to {@code b}'s to be compared, so no step holds more than a bucket of sketches. The
 * first step passes its bucket's sketches on to the second, so that they wait in one join at a time
 * rather than in both at once.
 *
 * <p>Input tuple: {@link GroupExactCopies#SKETCHES} and {@link #CANDIDATES}. Outputs: {@link
 * #EDGES}, each edge as both {@code (a, b)} at {@code a}'s bucket and {@code (b, a)} at {@code b}'s
 * (the adjacency that {@link ConnectComponents} reads), and {@link #PAIRS}, the confirmed pairs of
 * conversation ids, {@code a < b} by node key.
 */
final class VerifyCandidates extends PTransform<PCollectionTuple, PCollectionTuple> {
  static final TupleTag<KV<Integer, List<KV<String, String>>>> CANDIDATES = new TupleTag<>() {};
  static final TupleTag<KV<Integer, List<KV<String, String>>>> EDGES = new TupleTag<>() {};
  static final TupleTag<KV<String, String>> PAIRS = new TupleTag<>() {};

  // The first step's outputs: its bucket's own sketches, and the pairs with a's sketch.
  private static final TupleTag<KV<Integer, List<Sketch>>> HOME_SKETCHES = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, List<KV<String, Sketch>>>> PROBES = new TupleTag<>() {};

  // Tags of the joins, which hold the batches without their bucket keys.
  private static final TupleTag<List<Sketch>> SKETCH_BATCHES = new TupleTag<>() {};
  private static final TupleTag<List<KV<String, String>>> CANDIDATE_BATCHES = new TupleTag<>() {};
  private static final TupleTag<List<KV<String, Sketch>>> PROBE_BATCHES = new TupleTag<>() {};

  private final double threshold;
  private final Buckets buckets;

  VerifyCandidates(double threshold, Buckets buckets) {
    this.threshold = threshold;
    this.buckets = buckets;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple input) {
    PCollectionTuple attached =
        KeyedPCollectionTuple.of(SKETCH_BATCHES, input.get(GroupExactCopies.SKETCHES))
            .and(CANDIDATE_BATCHES, input.get(CANDIDATES))
            .apply("JoinFirstSketch", CoGroupByKey.create())
            .apply(
                "AttachFirstSketch",
                ParDo.of(new AttachFirstSketchFn(buckets))
                    .withOutputTags(PROBES, TupleTagList.of(HOME_SKETCHES)));
    attached.get(HOME_SKETCHES).setCoder(Batches.coder(Sketch.CODER));
    attached.get(PROBES).setCoder(Batches.coder(KvCoder.of(StringUtf8Coder.of(), Sketch.CODER)));
    PCollectionTuple verified =
        KeyedPCollectionTuple.of(SKETCH_BATCHES, attached.get(HOME_SKETCHES))
            .and(PROBE_BATCHES, attached.get(PROBES))
            .apply("JoinSecondSketch", CoGroupByKey.create())
            .apply(
                "CompareSketches",
                ParDo.of(new CompareFn(threshold, buckets))
                    .withOutputTags(EDGES, TupleTagList.of(PAIRS)));
    verified.get(EDGES).setCoder(Batches.ofNodePairs());
    verified.get(PAIRS).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    return verified;
  }

  private static Map<String, Sketch> sketchesByNode(CoGbkResult joined) {
    Map<String, Sketch> byNode = new HashMap<>();
    for (List<Sketch> batch : joined.getAll(SKETCH_BATCHES)) {
      batch.forEach(sketch -> byNode.put(sketch.node(), sketch));
    }
    return byNode;
  }

  /**
   * Drops repeated pairs, then sends each with {@code a}'s sketch to {@code b}'s bucket; passes the
   * bucket's sketches on, as they came, to the same bucket of the second join.
   */
  private static final class AttachFirstSketchFn
      extends DoFn<KV<Integer, CoGbkResult>, KV<Integer, List<KV<String, Sketch>>>> {
    private final Buckets buckets;

    AttachFirstSketchFn(Buckets buckets) {
      this.buckets = buckets;
    }

    @ProcessElement
    public void processElement(@Element KV<Integer, CoGbkResult> bucket, MultiOutputReceiver out) {
      Map<String, Sketch> sketches = new HashMap<>();
      for (List<Sketch> batch : bucket.getValue().getAll(SKETCH_BATCHES)) {
        out.get(HOME_SKETCHES).output(KV.of(bucket.getKey(), batch));
        batch.forEach(sketch -> sketches.put(sketch.node(), sketch));
      }
      TreeSet<String> pairs = new TreeSet<>();
      for (List<KV<String, String>> batch : bucket.getValue().getAll(CANDIDATE_BATCHES)) {
        batch.forEach(pair -> pairs.add(pair.getKey() + '\n' + pair.getValue()));
      }
      Batches<KV<String, Sketch>> probes = new Batches<>();
      for (String pair : pairs) {
        int split = pair.indexOf('\n');
        String b = pair.substring(split + 1);
        probes.add(buckets.of(b), KV.of(b, sketches.get(pair.substring(0, split))));
      }
      probes.emitTo(out.get(PROBES));
    }
  }

  private static final class CompareFn
      extends DoFn<KV<Integer, CoGbkResult>, KV<Integer, List<KV<String, String>>>> {
    private final double threshold;
    private final Buckets buckets;

    CompareFn(double threshold, Buckets buckets) {
      this.threshold = threshold;
      this.buckets = buckets;
    }

    @ProcessElement
    public void processElement(@Element KV<Integer, CoGbkResult> bucket, MultiOutputReceiver out) {
      List<List<KV<String, Sketch>>> probes = new ArrayList<>();
      bucket.getValue().getAll(PROBE_BATCHES).forEach(probes::add);
      if (probes.isEmpty()) {
        return;
      }
      Map<String, Sketch> sketches = sketchesByNode(bucket.getValue());
      Batches<KV<String, String>> edges = new Batches<>();
      for (List<KV<String, Sketch>> batch : probes) {
        for (KV<String, Sketch> probe : batch) {
          Sketch first = probe.getValue();
          Sketch second = sketches.get(probe.getKey());
          if (first.similarity(second) >= threshold) {
            String a = first.node();
            String b = second.node();
            edges.add(buckets.of(a), KV.of(a, b));
            edges.add(buckets.of(b), KV.of(b, a));
            out.get(PAIRS).output(KV.of(DedupSettings.idOf(a), DedupSettings.idOf(b)));
          }
        }
      }
      edges.emitTo(out.get(EDGES));
    }
  }
}
