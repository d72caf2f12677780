package dev.sift.transforms.emit;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.DedupSpec;
import dev.sift.transforms.Buckets;
import dev.sift.transforms.LongArrayCoder;
import dev.sift.transforms.SortedLongSets;
import dev.sift.transforms.dedup.BandKeys;
import dev.sift.transforms.dedup.ShingleSets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
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
 * Shingle sets travel as little as they can, since a band search that carried them would hold 42
 * copies of every validation set. Three exchanges:
 *
 * <ol>
 *   <li>band entries, {@code (band key, tagged example key)} as two longs ({@link
 *       LeakMember#keyOf}), batched per bundle and bucket, meet at their band key's bucket; each
 *       validation example sharing a band with training ones gets a {@link LeakMember#mateList mate
 *       list};
 *   <li>the mate lists meet the validation example's {@link LeakMember#home home} (its shingles),
 *       which sends one probe to each bucket its mates live in;
 *   <li>probes meet the training homes there and are compared.
 * </ol>
 *
 * Each grouping is read in one pass: a runner may not iterate a group twice. A band shared by more
 * than {@value #MATES_PER_BAND} training examples (boilerplate every conversation of a desk shares)
 * pairs each validation example with the first {@value #MATES_PER_BAND} of them by key only, which
 * keeps the work linear; a real leak also shares the bands of the content only it and its twin
 * have.
 */
final class FindSplitLeaks
    extends PTransform<PCollection<KV<String, Conversation>>, PCollection<String>> {
  static final int MATES_PER_BAND = 32;

  /** {@code (bucket of the band keys, [band key, tagged member key, ...])}. */
  private static final TupleTag<KV<Integer, long[]>> BAND_ENTRIES = new TupleTag<>() {};

  private static final TupleTag<KV<Integer, LeakMember>> VALIDATION_HOMES = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, LeakMember>> TRAINING_HOMES = new TupleTag<>() {};

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
    KvCoder<Integer, LeakMember> memberCoder =
        KvCoder.of(VarIntCoder.of(), LeakMember.Coder.INSTANCE);
    PCollectionTuple keyed =
        examples.apply(
            "KeyByBandBucket",
            ParDo.of(new KeyByBandFn(dedup, threshold, buckets))
                .withOutputTags(
                    BAND_ENTRIES, TupleTagList.of(VALIDATION_HOMES).and(TRAINING_HOMES)));
    keyed.get(BAND_ENTRIES).setCoder(KvCoder.of(VarIntCoder.of(), LongArrayCoder.of()));
    keyed.get(VALIDATION_HOMES).setCoder(memberCoder);
    keyed.get(TRAINING_HOMES).setCoder(memberCoder);

    PCollection<KV<Integer, LeakMember>> mateLists =
        keyed
            .get(BAND_ENTRIES)
            .apply("GroupByBandBucket", GroupByKey.create())
            .apply("PairAcrossSplits", ParDo.of(new PairFn(buckets)))
            .setCoder(memberCoder);
    PCollection<KV<Integer, LeakMember>> probes =
        PCollectionList.of(keyed.get(VALIDATION_HOMES))
            .and(mateLists)
            .apply("MergeMatesWithValidation", Flatten.pCollections())
            .apply("GroupByValidationBucket", GroupByKey.create())
            .apply("SendProbesToMates", ParDo.of(new ProbeFn(buckets)))
            .setCoder(memberCoder);
    return PCollectionList.of(keyed.get(TRAINING_HOMES))
        .and(probes)
        .apply("MergeProbesWithTraining", Flatten.pCollections())
        .apply("GroupByTrainingBucket", GroupByKey.create())
        .apply("CompareAcrossSplits", ParDo.of(new CompareFn(threshold)))
        .apply("DropRepeatedLeaks", Distinct.create());
  }

  /**
   * Shingles every example, sends its home to its key's bucket and its band entries, collected per
   * bundle, to the band keys' buckets.
   */
  private static final class KeyByBandFn
      extends DoFn<KV<String, Conversation>, KV<Integer, long[]>> {
    private final ShingleSets shingleSets;
    private final BandKeys bandKeys;
    private final Buckets buckets;
    private transient Map<BoundedWindow, Map<Integer, LongStream.Builder>> entries;

    KeyByBandFn(DedupSpec dedup, double threshold, Buckets buckets) {
      this.shingleSets = new ShingleSets(dedup);
      this.bandKeys = new BandKeys(dedup, threshold);
      this.buckets = buckets;
    }

    @StartBundle
    public void startBundle() {
      entries = new HashMap<>();
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, Conversation> example, BoundedWindow window, MultiOutputReceiver out) {
      Conversation conversation = example.getValue();
      long[] shingles = shingleSets.of(conversation);
      if (shingles.length == 0) {
        return;
      }
      boolean validation = Split.VALIDATION.equals(example.getKey());
      LeakMember home = LeakMember.home(conversation.getId(), shingles);
      out.get(validation ? VALIDATION_HOMES : TRAINING_HOMES)
          .output(KV.of(buckets.of(home.key()), home));
      long member = LeakMember.tagged(home.key(), validation);
      Map<Integer, LongStream.Builder> byBucket =
          entries.computeIfAbsent(window, w -> new HashMap<>());
      for (long key : bandKeys.of(conversation.getTask(), shingles)) {
        byBucket.computeIfAbsent(buckets.of(key), b -> LongStream.builder()).add(key).add(member);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      entries.forEach(
          (window, byBucket) ->
              byBucket.forEach(
                  (bucket, list) ->
                      context.output(
                          BAND_ENTRIES,
                          KV.of(bucket, list.build().toArray()),
                          window.maxTimestamp(),
                          window)));
      entries = new HashMap<>();
    }
  }

  /**
   * Sends each validation member of a band-key bucket the keys of its training mates, to its home
   * bucket.
   */
  private static final class PairFn
      extends DoFn<KV<Integer, Iterable<long[]>>, KV<Integer, LeakMember>> {
    private final Buckets buckets;

    PairFn(Buckets buckets) {
      this.buckets = buckets;
    }

    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<long[]>> bucket,
        OutputReceiver<KV<Integer, LeakMember>> out) {
      LeakMates.find(
          bucket.getValue(),
          (key, training) ->
              out.output(KV.of(buckets.of(key), LeakMember.mateList(key, training))));
    }
  }

  /**
   * Sends each validation example that has mates, with its shingles, once to every bucket its mates
   * live in, with the keys of the mates there.
   */
  private static final class ProbeFn
      extends DoFn<KV<Integer, Iterable<LeakMember>>, KV<Integer, LeakMember>> {
    private final Buckets buckets;

    ProbeFn(Buckets buckets) {
      this.buckets = buckets;
    }

    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<LeakMember>> bucket,
        OutputReceiver<KV<Integer, LeakMember>> out) {
      List<LeakMember> homes = new ArrayList<>();
      Map<Long, Set<Long>> mates = new HashMap<>();
      for (LeakMember member : bucket.getValue()) {
        if (member.isHome()) {
          homes.add(member);
        } else {
          Set<Long> known = mates.computeIfAbsent(member.key(), k -> new TreeSet<>());
          Arrays.stream(member.mates()).forEach(known::add);
        }
      }
      for (LeakMember home : homes) {
        Map<Integer, List<Long>> byBucket = new TreeMap<>();
        for (long mate : mates.getOrDefault(home.key(), Set.of())) {
          byBucket.computeIfAbsent(buckets.of(mate), b -> new ArrayList<>()).add(mate);
        }
        byBucket.forEach((target, keys) -> out.output(KV.of(target, home.probing(toArray(keys)))));
      }
    }
  }

  private static long[] toArray(Collection<Long> keys) {
    return keys.stream().mapToLong(Long::longValue).toArray();
  }

  /** Compares the probes that reached a bucket with the training members at home there. */
  private static final class CompareFn extends DoFn<KV<Integer, Iterable<LeakMember>>, String> {
    private final double threshold;

    CompareFn(double threshold) {
      this.threshold = threshold;
    }

    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<LeakMember>> bucket, OutputReceiver<String> out) {
      Map<Long, List<long[]>> training = new HashMap<>();
      List<LeakMember> probes = new ArrayList<>();
      for (LeakMember member : bucket.getValue()) {
        if (member.isHome()) {
          training.computeIfAbsent(member.key(), k -> new ArrayList<>()).add(member.shingles());
        } else {
          probes.add(member);
        }
      }
      Set<String> leaking = new TreeSet<>();
      for (LeakMember probe : probes) {
        if (!leaking.contains(probe.id()) && leaks(probe, training)) {
          leaking.add(probe.id());
        }
      }
      leaking.forEach(out::output);
    }

    private boolean leaks(LeakMember probe, Map<Long, List<long[]>> training) {
      for (long mate : probe.mates()) {
        for (long[] shingles : training.getOrDefault(mate, List.of())) {
          if (SortedLongSets.reaches(probe.shingles(), shingles, threshold)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
