package dev.sift.transforms.emit;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.DedupSpec;
import dev.sift.transforms.Buckets;
import dev.sift.transforms.PrimitiveArrays;
import dev.sift.transforms.dedup.BandKeys;
import dev.sift.transforms.dedup.ShingleSets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The validation conversations of a fine-tuning task that are near duplicates of a training one:
 * the dedup stage's shingle sets and MinHash LSH bands, tuned to {@code emit.leakThreshold}, give
 * candidate pairs (a validation and a training example sharing a band within the task), and a pair
 * counts when the exact Jaccard similarity of the shingle sets reaches the threshold. Input: {@code
 * (split, conversation)} of every example; output: the ids of the validation conversations to move
 * to train.
 *
 * <p>Every exchange goes by {@link Buckets bucket}, never by band key or id: a shuffle with a key
 * per band (42 per example at the default threshold) would cost the Direct Runner a bundle per key.
 * Validation examples take their shingles to each band's bucket; training examples go there by id
 * only and take their shingles once, to their id's bucket, where the candidate pairs come to be
 * compared (one grouping of both, read in one pass: a runner may not iterate a group twice). A band
 * shared by more than {@value #MATES_PER_BAND} training examples (boilerplate every conversation of
 * a desk shares) pairs each validation example with the first {@value #MATES_PER_BAND} of them by
 * id only, which keeps the work linear; a real leak also shares the bands of the content only it
 * and its twin have.
 */
final class FindSplitLeaks
    extends PTransform<PCollection<KV<String, Conversation>>, PCollection<String>> {
  static final int MATES_PER_BAND = 32;

  /** {@code (bucket of the band key, (band key, member))}; a training member without shingles. */
  private static final TupleTag<KV<Integer, KV<Long, Member>>> BAND_MATES = new TupleTag<>() {};

  /**
   * What meets at the bucket of a training id: {@code (training member, no ids)} at home there, or
   * {@code (validation member, ids of its training mates at home there)}, a probe.
   */
  private static final TupleTag<KV<Integer, KV<Member, List<String>>>> AT_HOME =
      new TupleTag<>() {};

  private final DedupSpec dedup;
  private final double threshold;
  private final Buckets buckets;

  FindSplitLeaks(DedupSpec dedup, double threshold, Buckets buckets) {
    this.dedup = dedup;
    this.threshold = threshold;
    this.buckets = buckets;
  }

  @Override
  public PCollection<String> expand(PCollection<KV<String, Conversation>> examples) {
    PCollectionTuple keyed =
        examples.apply(
            "KeyByBandBucket",
            ParDo.of(new KeyByBandFn(dedup, threshold, buckets))
                .withOutputTags(BAND_MATES, TupleTagList.of(AT_HOME)));
    KvCoder<Integer, KV<Member, List<String>>> atHomeCoder =
        KvCoder.of(
            VarIntCoder.of(), KvCoder.of(MemberCoder.INSTANCE, ListCoder.of(StringUtf8Coder.of())));
    keyed
        .get(BAND_MATES)
        .setCoder(
            KvCoder.of(
                VarIntCoder.of(), KvCoder.of(BigEndianLongCoder.of(), MemberCoder.INSTANCE)));
    PCollection<KV<Integer, KV<Member, List<String>>>> probes =
        keyed
            .get(BAND_MATES)
            .apply("GroupByBandBucket", GroupByKey.create())
            .apply("PairAcrossSplits", ParDo.of(new PairFn(buckets)))
            .setCoder(atHomeCoder);
    return PCollectionList.of(keyed.get(AT_HOME).setCoder(atHomeCoder))
        .and(probes)
        .apply("MergeProbesWithTraining", Flatten.pCollections())
        .apply("GroupByIdBucket", GroupByKey.create())
        .apply("CompareAcrossSplits", ParDo.of(new CompareFn(threshold)))
        .apply("DropRepeatedLeaks", Distinct.create());
  }

  /** An example as band mates compare it. */
  record Member(String id, boolean validation, long[] shingles) implements Serializable {}

  /** Codes a {@link Member} field by field; deterministic, compared by its encoded bytes. */
  static final class MemberCoder extends AtomicCoder<Member> {
    static final MemberCoder INSTANCE = new MemberCoder();

    @Override
    public void encode(Member member, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(member.id(), out);
      BooleanCoder.of().encode(member.validation(), out);
      PrimitiveArrays.writeLongs(member.shingles(), out);
    }

    @Override
    public Member decode(InputStream in) throws IOException {
      return new Member(
          StringUtf8Coder.of().decode(in),
          BooleanCoder.of().decode(in),
          PrimitiveArrays.readLongs(in));
    }
  }

  private static final class KeyByBandFn
      extends DoFn<KV<String, Conversation>, KV<Integer, KV<Long, Member>>> {
    private static final long[] NO_SHINGLES = new long[0];

    private final ShingleSets shingleSets;
    private final BandKeys bandKeys;
    private final Buckets buckets;

    KeyByBandFn(DedupSpec dedup, double threshold, Buckets buckets) {
      this.shingleSets = new ShingleSets(dedup);
      this.bandKeys = new BandKeys(dedup, threshold);
      this.buckets = buckets;
    }

    @ProcessElement
    public void processElement(@Element KV<String, Conversation> example, MultiOutputReceiver out) {
      Conversation conversation = example.getValue();
      String id = conversation.getId();
      long[] shingles = shingleSets.of(conversation);
      boolean validation = Split.VALIDATION.equals(example.getKey());
      Member mate = new Member(id, validation, validation ? shingles : NO_SHINGLES);
      for (long key : bandKeys.of(conversation.getTask(), shingles)) {
        out.get(BAND_MATES).output(KV.of(buckets.of(key), KV.of(key, mate)));
      }
      if (!validation && shingles.length > 0) {
        out.get(AT_HOME)
            .output(KV.of(buckets.of(id), KV.of(new Member(id, false, shingles), List.of())));
      }
    }
  }

  /**
   * Sends each validation member of a band-key bucket, once per bucket of its training mates' ids,
   * with the ids of those mates.
   */
  private static final class PairFn
      extends DoFn<KV<Integer, Iterable<KV<Long, Member>>>, KV<Integer, KV<Member, List<String>>>> {
    private final Buckets buckets;

    PairFn(Buckets buckets) {
      this.buckets = buckets;
    }

    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<KV<Long, Member>>> bucket,
        OutputReceiver<KV<Integer, KV<Member, List<String>>>> out) {
      Map<Long, List<Member>> bands = new HashMap<>();
      for (KV<Long, Member> entry : bucket.getValue()) {
        bands.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue());
      }
      Map<String, Member> validation = new TreeMap<>();
      Map<String, Set<String>> mates = new HashMap<>();
      for (List<Member> band : bands.values()) {
        List<String> training = trainingMates(band);
        for (Member member : band) {
          if (member.validation() && !training.isEmpty()) {
            validation.putIfAbsent(member.id(), member);
            mates.computeIfAbsent(member.id(), id -> new TreeSet<>()).addAll(training);
          }
        }
      }
      for (Member member : validation.values()) {
        Map<Integer, List<String>> byBucket = new TreeMap<>();
        for (String mate : mates.get(member.id())) {
          byBucket.computeIfAbsent(buckets.of(mate), b -> new ArrayList<>()).add(mate);
        }
        byBucket.forEach((home, ids) -> out.output(KV.of(home, KV.of(member, ids))));
      }
    }

    /** The ids of a band's training members: the first {@value MATES_PER_BAND} by id. */
    private static List<String> trainingMates(List<Member> band) {
      return band.stream()
          .filter(member -> !member.validation())
          .map(Member::id)
          .sorted()
          .limit(MATES_PER_BAND)
          .toList();
    }
  }

  /** Compares the probes that reached a bucket with the training members at home there. */
  private static final class CompareFn
      extends DoFn<KV<Integer, Iterable<KV<Member, List<String>>>>, String> {
    private final double threshold;

    CompareFn(double threshold) {
      this.threshold = threshold;
    }

    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<KV<Member, List<String>>>> bucket,
        OutputReceiver<String> out) {
      Map<String, long[]> training = new HashMap<>();
      List<KV<Member, List<String>>> probes = new ArrayList<>();
      for (KV<Member, List<String>> entry : bucket.getValue()) {
        Member member = entry.getKey();
        if (member.validation()) {
          probes.add(entry);
        } else {
          training.put(member.id(), member.shingles());
        }
      }
      Set<String> leaking = new TreeSet<>();
      for (KV<Member, List<String>> probe : probes) {
        Member candidate = probe.getKey();
        if (!leaking.contains(candidate.id()) && leaks(candidate, probe.getValue(), training)) {
          leaking.add(candidate.id());
        }
      }
      leaking.forEach(out::output);
    }

    private boolean leaks(Member candidate, List<String> mates, Map<String, long[]> training) {
      for (String mate : mates) {
        if (ShingleSets.jaccard(candidate.shingles(), training.get(mate)) >= threshold) {
          return true;
        }
      }
      return false;
    }
  }
}
