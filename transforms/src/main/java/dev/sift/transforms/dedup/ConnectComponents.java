package dev.sift.transforms.dedup;

import dev.sift.transforms.Batches;
import dev.sift.transforms.Buckets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Connected components of the near-duplicate graph, computed by the pipeline: a fixed number of
 * rounds of {@link StarContraction}'s large-star and small-star steps, each a shuffle of the edges
 * by node bucket, then a labelling step that checks convergence. No step holds more than one
 * bucket's edges.
 *
 * <p>Input: adjacency entries {@code (node, neighbour)} batched by the node's bucket, every edge in
 * both directions. Outputs: {@link #LABELS}, {@code (node, label)} for every node of the graph at
 * the node's bucket, the label being the smallest node of its component once converged; and {@link
 * #UNSETTLED}, the nodes whose component had not become a star after the last round (each keeps
 * itself; the report counts them, and more rounds would merge them).
 */
final class ConnectComponents
    extends PTransform<PCollection<KV<Integer, List<KV<String, String>>>>, PCollectionTuple> {
  static final TupleTag<KV<Integer, List<KV<String, String>>>> LABELS = new TupleTag<>() {};
  static final TupleTag<String> UNSETTLED = new TupleTag<>() {};

  private final int rounds;
  private final Buckets buckets;

  ConnectComponents(int rounds, Buckets buckets) {
    this.rounds = rounds;
    this.buckets = buckets;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<Integer, List<KV<String, String>>>> edges) {
    PCollection<KV<Integer, List<KV<String, String>>>> current = edges;
    for (int round = 1; round <= rounds; round++) {
      current = current.apply("LargeStar" + round, new StarStep(true, buckets));
      current = current.apply("SmallStar" + round, new StarStep(false, buckets));
    }
    PCollectionTuple labelled =
        current
            .apply("GroupFinalEdges", GroupByKey.create())
            .apply(
                "LabelNodes",
                ParDo.of(new LabelFn()).withOutputTags(LABELS, TupleTagList.of(UNSETTLED)));
    labelled.get(LABELS).setCoder(Batches.ofNodePairs());
    labelled.get(UNSETTLED).setCoder(StringUtf8Coder.of());
    return labelled;
  }

  /** One large-star or small-star step over all nodes. */
  private static final class StarStep
      extends PTransform<
          PCollection<KV<Integer, List<KV<String, String>>>>,
          PCollection<KV<Integer, List<KV<String, String>>>>> {
    private final boolean large;
    private final Buckets buckets;

    StarStep(boolean large, Buckets buckets) {
      this.large = large;
      this.buckets = buckets;
    }

    @Override
    public PCollection<KV<Integer, List<KV<String, String>>>> expand(
        PCollection<KV<Integer, List<KV<String, String>>>> edges) {
      return edges
          .apply("GroupByNodeBucket", GroupByKey.create())
          .apply("ReplaceEdges", ParDo.of(new StarFn(large, buckets)))
          .setCoder(Batches.ofNodePairs());
    }
  }

  private static final class StarFn
      extends DoFn<
          KV<Integer, Iterable<List<KV<String, String>>>>, KV<Integer, List<KV<String, String>>>> {
    private final boolean large;
    private final Buckets buckets;

    StarFn(boolean large, Buckets buckets) {
      this.large = large;
      this.buckets = buckets;
    }

    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<List<KV<String, String>>>> bucket,
        OutputReceiver<KV<Integer, List<KV<String, String>>>> out) {
      Batches<KV<String, String>> edges = new Batches<>();
      for (Map.Entry<String, TreeSet<String>> node :
          StarContraction.neighbourhoods(bucket.getValue()).entrySet()) {
        if (large) {
          StarContraction.largeStar(node.getKey(), node.getValue(), (a, b) -> add(edges, a, b));
        } else {
          StarContraction.smallStar(node.getKey(), node.getValue(), (a, b) -> add(edges, a, b));
        }
      }
      edges.emitTo(out);
    }

    private void add(Batches<KV<String, String>> edges, String a, String b) {
      edges.add(buckets.of(a), KV.of(a, b));
      edges.add(buckets.of(b), KV.of(b, a));
    }
  }

  private static final class LabelFn
      extends DoFn<
          KV<Integer, Iterable<List<KV<String, String>>>>, KV<Integer, List<KV<String, String>>>> {
    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<List<KV<String, String>>>> bucket, MultiOutputReceiver out) {
      Batches<KV<String, String>> labels = new Batches<>();
      for (Map.Entry<String, TreeSet<String>> node :
          StarContraction.neighbourhoods(bucket.getValue()).entrySet()) {
        StarContraction.Label label = StarContraction.label(node.getKey(), node.getValue());
        labels.add(bucket.getKey(), KV.of(node.getKey(), label.label()));
        if (!label.settled()) {
          out.get(UNSETTLED).output(node.getKey());
        }
      }
      labels.emitTo(out.get(LABELS));
    }
  }
}
