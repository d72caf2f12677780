package dev.sift.transforms.dedup;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.DedupSpec;
import dev.sift.transforms.Buckets;
import dev.sift.transforms.SchemaCoders;
import dev.sift.transforms.StageOutputs;
import java.util.List;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Exact and near-duplicate removal: conversations are grouped into clusters of exact copies (same
 * folded key text) and near duplicates (MinHash LSH candidates whose similarity reaches the
 * threshold, joined into connected components), one conversation per cluster is kept and the others
 * are filtered as {@code exact_duplicate} or {@code near_duplicate}, naming the kept one. See
 * {@code docs/dedup.md} for the method and its parameters.
 *
 * <p>Outputs: {@link StageOutputs#CONVERSATIONS} (kept), {@link StageOutputs#FILTERED}, {@link
 * #CLUSTERS} (one summary per cluster of two or more), {@link #NEAR_PAIRS} (the confirmed
 * near-duplicate pairs of conversation ids, between exact-copy representatives) and {@link
 * #UNSETTLED} (nodes whose component had not converged, normally none).
 */
public final class DeduplicateConversations
    extends PTransform<PCollection<Conversation>, PCollectionTuple> {
  public static final String STAGE = "dedup";

  /**
   * Rounds of star contraction. The worst case is a long path whose nodes are in key order: one of
   * 4,000 nodes settles in 12 rounds, one of 1,000 in 10 (StarContractionTest); clusters of near
   * duplicates are far smaller and shallower.
   */
  public static final int COMPONENT_ROUNDS = 12;

  public static final TupleTag<ClusterSummary> CLUSTERS = new TupleTag<>() {};
  public static final TupleTag<KV<String, String>> NEAR_PAIRS = new TupleTag<>() {};
  public static final TupleTag<String> UNSETTLED = new TupleTag<>() {};

  private final DedupSpec spec;
  private final Representatives representatives;
  private final Buckets buckets;

  private DeduplicateConversations(
      DedupSpec spec, Representatives representatives, Buckets buckets) {
    this.spec = spec;
    this.representatives = representatives;
    this.buckets = buckets;
  }

  /**
   * Deduplication as the spec says, keeping the smallest id of each cluster, its exchanges in
   * {@link Buckets#FOR_CLUSTERS} buckets.
   */
  public static DeduplicateConversations withSpec(DedupSpec spec) {
    return new DeduplicateConversations(
        spec, Representatives.smallestId(), Buckets.of(Buckets.FOR_CLUSTERS));
  }

  /** The same, choosing each cluster's kept conversation by {@code representatives}. */
  public DeduplicateConversations preferring(Representatives representatives) {
    return new DeduplicateConversations(spec, representatives, buckets);
  }

  /** The same, its exchanges in {@code buckets}; the result does not depend on them. */
  public DeduplicateConversations inBuckets(Buckets buckets) {
    return new DeduplicateConversations(spec, representatives, buckets);
  }

  @Override
  public PCollectionTuple expand(PCollection<Conversation> conversations) {
    DedupSettings settings = new DedupSettings(spec, representatives, buckets);
    PCollectionTuple groups =
        conversations.apply("GroupExactCopies", new GroupExactCopies(settings));

    PCollection<KV<Integer, List<KV<String, String>>>> candidates =
        groups.get(GroupExactCopies.BANDS).apply("PairBandMates", new PairBandMates(buckets));
    PCollectionTuple verified =
        PCollectionTuple.of(GroupExactCopies.SKETCHES, groups.get(GroupExactCopies.SKETCHES))
            .and(VerifyCandidates.CANDIDATES, candidates)
            .apply("VerifyCandidates", new VerifyCandidates(settings.threshold(), buckets));
    PCollectionTuple components =
        verified
            .get(VerifyCandidates.EDGES)
            .apply("ConnectComponents", new ConnectComponents(COMPONENT_ROUNDS, buckets));

    PCollectionTuple resolved =
        PCollectionTuple.of(GroupExactCopies.MEMBERS, groups.get(GroupExactCopies.MEMBERS))
            .and(ConnectComponents.LABELS, components.get(ConnectComponents.LABELS))
            .apply("ResolveDuplicates", new ResolveDuplicates(buckets));
    PCollection<ClusterSummary> clusters =
        resolved
            .get(ResolveDuplicates.CLUSTER_PARTS)
            .apply("GroupClusterPartsByBucket", GroupByKey.create())
            .apply("MergeClusterParts", ParDo.of(new ClusterSummary.MergePartsFn()))
            .setCoder(SchemaCoders.of(conversations, ClusterSummary.class));

    return PCollectionTuple.of(StageOutputs.CONVERSATIONS, resolved.get(StageOutputs.CONVERSATIONS))
        .and(StageOutputs.FILTERED, resolved.get(StageOutputs.FILTERED))
        .and(CLUSTERS, clusters)
        .and(NEAR_PAIRS, verified.get(VerifyCandidates.PAIRS))
        .and(UNSETTLED, components.get(ConnectComponents.UNSETTLED));
  }
}
