package dev.sift.transforms.dedup;

import dev.sift.transforms.Batches;
import dev.sift.transforms.Buckets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Turns LSH band keys into candidate pairs: nodes that share a band key (all the values of one band
 * of their signatures agree) are candidates. Input: {@code (band key, node)} batched by the band
 * key's bucket; output: candidate pairs {@code (a, b)}, {@code a < b}, batched by the bucket of
 * {@code a}. A pair sharing several bands is emitted once per band; verification drops the repeats.
 *
 * <p>A band key shared by up to {@value #ALL_PAIRS_UP_TO} nodes gives all their pairs. A larger
 * group (a flood of near-identical templated conversations) pairs every node with the first {@value
 * #ALL_PAIRS_UP_TO} nodes of the group only, which bounds the work per band to linear in the group
 * size and still links the flood into one cluster through them.
 */
final class PairBandMates
    extends PTransform<
        PCollection<KV<Integer, List<KV<Long, String>>>>,
        PCollection<KV<Integer, List<KV<String, String>>>>> {
  static final int ALL_PAIRS_UP_TO = 64;

  private final Buckets buckets;

  PairBandMates(Buckets buckets) {
    this.buckets = buckets;
  }

  @Override
  public PCollection<KV<Integer, List<KV<String, String>>>> expand(
      PCollection<KV<Integer, List<KV<Long, String>>>> bands) {
    return bands
        .apply("GroupByBandBucket", GroupByKey.create())
        .apply("PairNodesSharingABand", ParDo.of(new PairFn(buckets)))
        .setCoder(Batches.ofNodePairs());
  }

  private static final class PairFn
      extends DoFn<
          KV<Integer, Iterable<List<KV<Long, String>>>>, KV<Integer, List<KV<String, String>>>> {
    private static final Comparator<KV<Long, String>> BY_KEY_THEN_NODE =
        Comparator.<KV<Long, String>, Long>comparing(KV::getKey).thenComparing(KV::getValue);

    private final Buckets buckets;

    PairFn(Buckets buckets) {
      this.buckets = buckets;
    }

    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<List<KV<Long, String>>>> bucket,
        OutputReceiver<KV<Integer, List<KV<String, String>>>> out) {
      List<KV<Long, String>> entries = new ArrayList<>();
      bucket.getValue().forEach(entries::addAll);
      entries.sort(BY_KEY_THEN_NODE);
      Batches<KV<String, String>> pairs = new Batches<>();
      int start = 0;
      while (start < entries.size()) {
        int end = start + 1;
        while (end < entries.size()
            && entries.get(end).getKey().equals(entries.get(start).getKey())) {
          end++;
        }
        pairGroup(entries.subList(start, end), pairs);
        start = end;
      }
      pairs.emitTo(out);
    }

    /** {@code group} is sorted by node; the same node twice (equal bands) pairs with nothing. */
    private void pairGroup(List<KV<Long, String>> group, Batches<KV<String, String>> out) {
      for (int j = 1; j < group.size(); j++) {
        String b = group.get(j).getValue();
        for (int i = 0; i < Math.min(j, ALL_PAIRS_UP_TO); i++) {
          String a = group.get(i).getValue();
          if (!a.equals(b)) {
            out.add(buckets.of(a), KV.of(a, b));
          }
        }
      }
    }
  }
}
