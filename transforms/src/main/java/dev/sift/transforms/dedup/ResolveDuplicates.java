package dev.sift.transforms.dedup;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.Reason;
import dev.sift.transforms.Batches;
import dev.sift.transforms.Buckets;
import dev.sift.transforms.SchemaCoders;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.accounting.Accounting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The final decision for every conversation. Its exact-copy group's representative {@code R} has a
 * component label {@code L} (itself when it has no near duplicate); the conversation whose node is
 * {@code L} is kept, every other one is filtered, naming {@code L}'s id: as {@code exact_duplicate}
 * when it is an exact copy of the kept one ({@code R = L}), else as {@code near_duplicate}.
 *
 * <p>Input tuple: {@link GroupExactCopies#MEMBERS} and {@link ConnectComponents#LABELS}, both at
 * the representative's bucket; each member is decoded once, for its output. Outputs: {@link
 * StageOutputs#CONVERSATIONS}, {@link StageOutputs#FILTERED}, and {@link #CLUSTER_PARTS}, partial
 * {@link ClusterSummary clusters} keyed by the kept node and batched at its bucket, for the
 * conversations of clusters of two or more.
 */
final class ResolveDuplicates extends PTransform<PCollectionTuple, PCollectionTuple> {
  static final TupleTag<KV<Integer, List<KV<String, ClusterSummary>>>> CLUSTER_PARTS =
      new TupleTag<>() {};

  // Tags of the join, which hold the batches without their bucket keys.
  private static final TupleTag<List<KV<String, EncodedMember>>> MEMBER_BATCHES =
      new TupleTag<>() {};
  private static final TupleTag<List<KV<String, String>>> LABEL_BATCHES = new TupleTag<>() {};

  private final Buckets buckets;

  ResolveDuplicates(Buckets buckets) {
    this.buckets = buckets;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple input) {
    PCollection<?> members = input.get(GroupExactCopies.MEMBERS);
    Coder<Conversation> conversationCoder = SchemaCoders.of(members, Conversation.class);
    PCollectionTuple resolved =
        KeyedPCollectionTuple.of(MEMBER_BATCHES, input.get(GroupExactCopies.MEMBERS))
            .and(LABEL_BATCHES, input.get(ConnectComponents.LABELS))
            .apply("JoinMembersWithLabels", CoGroupByKey.create())
            .apply(
                "KeepOnePerCluster",
                ParDo.of(new ResolveFn(conversationCoder, buckets))
                    .withOutputTags(
                        StageOutputs.CONVERSATIONS,
                        TupleTagList.of(StageOutputs.FILTERED).and(CLUSTER_PARTS)));
    resolved.get(StageOutputs.CONVERSATIONS).setCoder(conversationCoder);
    resolved
        .get(CLUSTER_PARTS)
        .setCoder(
            Batches.coder(
                KvCoder.of(StringUtf8Coder.of(), SchemaCoders.of(members, ClusterSummary.class))));
    return resolved;
  }

  private static final class ResolveFn extends DoFn<KV<Integer, CoGbkResult>, Conversation> {
    private final Coder<Conversation> conversationCoder;
    private final Buckets buckets;

    ResolveFn(Coder<Conversation> conversationCoder, Buckets buckets) {
      this.conversationCoder = conversationCoder;
      this.buckets = buckets;
    }

    @ProcessElement
    public void processElement(@Element KV<Integer, CoGbkResult> bucket, MultiOutputReceiver out)
        throws CoderException {
      Map<String, String> labels = new HashMap<>();
      for (List<KV<String, String>> batch : bucket.getValue().getAll(LABEL_BATCHES)) {
        batch.forEach(label -> labels.put(label.getKey(), label.getValue()));
      }
      Map<String, Integer> copies = new HashMap<>();
      List<List<KV<String, EncodedMember>>> members = new ArrayList<>();
      for (List<KV<String, EncodedMember>> batch : bucket.getValue().getAll(MEMBER_BATCHES)) {
        batch.forEach(member -> copies.merge(member.getKey(), 1, Integer::sum));
        members.add(batch);
      }
      Set<String> kept = new HashSet<>();
      Map<String, ClusterSummary> clusters = new HashMap<>();
      for (List<KV<String, EncodedMember>> batch : members) {
        for (KV<String, EncodedMember> member : batch) {
          String representative = member.getKey();
          String label = labels.getOrDefault(representative, representative);
          Conversation conversation = member.getValue().decode(conversationCoder);
          boolean inCluster = copies.get(representative) > 1 || labels.containsKey(representative);
          ClusterSummary part;
          if (member.getValue().node().equals(label) && kept.add(label)) {
            out.get(StageOutputs.CONVERSATIONS).output(conversation);
            part = ClusterSummary.ofRepresentative(conversation);
          } else {
            boolean exact = representative.equals(label);
            Reason reason = exact ? Reason.EXACT_DUPLICATE : Reason.NEAR_DUPLICATE;
            String detail =
                (exact ? "duplicate of " : "near duplicate of ") + DedupSettings.idOf(label);
            Accounting.filtered(reason.code());
            out.get(StageOutputs.FILTERED)
                .output(Filtered.of(conversation, DeduplicateConversations.STAGE, reason, detail));
            part = ClusterSummary.ofDuplicate(exact);
          }
          if (inCluster) {
            clusters.merge(label, part, ClusterSummary::merge);
          }
        }
      }
      Batches<KV<String, ClusterSummary>> parts = new Batches<>();
      clusters.forEach((label, part) -> parts.add(buckets.of(label), KV.of(label, part)));
      parts.emitTo(out.get(CLUSTER_PARTS));
    }
  }
}
