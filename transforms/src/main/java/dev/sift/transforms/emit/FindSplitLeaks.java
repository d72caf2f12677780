package dev.sift.transforms.emit;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.DedupSpec;
import dev.sift.transforms.PrimitiveArrays;
import dev.sift.transforms.dedup.BandKeys;
import dev.sift.transforms.dedup.ShingleSets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The validation conversations of a fine-tuning task that are near duplicates of a training one:
 * the dedup stage's shingle sets and MinHash LSH bands, tuned to {@code emit.leakThreshold}, give
 * candidate pairs that share a band within the task, and a pair counts when the exact Jaccard
 * similarity of the shingle sets reaches the threshold. Input: {@code (split, conversation)} of
 * every example; output: the ids of the validation conversations to move to train.
 */
final class FindSplitLeaks
    extends PTransform<PCollection<KV<String, Conversation>>, PCollection<String>> {
  private final DedupSpec dedup;
  private final double threshold;

  FindSplitLeaks(DedupSpec dedup, double threshold) {
    this.dedup = dedup;
    this.threshold = threshold;
  }

  @Override
  public PCollection<String> expand(PCollection<KV<String, Conversation>> examples) {
    return examples
        .apply("KeyByBand", ParDo.of(new KeyByBandFn(dedup, threshold)))
        .setCoder(KvCoder.of(VarLongCoder.of(), MemberCoder.INSTANCE))
        .apply("GroupBandMates", GroupByKey.create())
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

  private static final class KeyByBandFn extends DoFn<KV<String, Conversation>, KV<Long, Member>> {
    private final ShingleSets shingleSets;
    private final BandKeys bandKeys;

    KeyByBandFn(DedupSpec dedup, double threshold) {
      this.shingleSets = new ShingleSets(dedup);
      this.bandKeys = new BandKeys(dedup, threshold);
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, Conversation> example, OutputReceiver<KV<Long, Member>> out) {
      Conversation conversation = example.getValue();
      long[] shingles = shingleSets.of(conversation);
      Member member =
          new Member(conversation.getId(), Split.VALIDATION.equals(example.getKey()), shingles);
      for (long key : bandKeys.of(conversation.getTask(), shingles)) {
        out.output(KV.of(key, member));
      }
    }
  }

  private static final class CompareFn extends DoFn<KV<Long, Iterable<Member>>, String> {
    private final double threshold;

    CompareFn(double threshold) {
      this.threshold = threshold;
    }

    @ProcessElement
    public void processElement(
        @Element KV<Long, Iterable<Member>> band, OutputReceiver<String> out) {
      List<Member> validation = new ArrayList<>();
      List<Member> train = new ArrayList<>();
      for (Member member : band.getValue()) {
        (member.validation() ? validation : train).add(member);
      }
      for (Member candidate : validation) {
        for (Member other : train) {
          if (ShingleSets.jaccard(candidate.shingles(), other.shingles()) >= threshold) {
            out.output(candidate.id());
            break;
          }
        }
      }
    }
  }
}
