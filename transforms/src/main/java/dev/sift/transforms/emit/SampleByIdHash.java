package dev.sift.transforms.emit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Per key, the {@code size} values with the smallest {@code (id hash, id)} ({@link Split#hash}), in
 * that order: a sample that does not depend on the input's order. The ranking travels as ids only:
 * the {@code size} smallest per key give a cutoff, and the values at or below it are kept and
 * grouped. A {@code Top} of the values themselves would carry up to {@code size} of them in every
 * partial result, and the Direct Runner copies a key's partial results so far each time a bundle
 * adds one: for few-shot pools of a million conversations, that took it hours.
 */
final class SampleByIdHash<T>
    extends PTransform<PCollection<KV<String, T>>, PCollection<KV<String, List<T>>>> {
  private static final Comparator<KV<Long, String>> ORDER =
      Comparator.<KV<Long, String>>comparingLong(KV::getKey).thenComparing(KV::getValue);

  private final int size;
  private final SerializableFunction<T, String> idOf;

  SampleByIdHash(int size, SerializableFunction<T, String> idOf) {
    this.size = size;
    this.idOf = idOf;
  }

  @Override
  public PCollection<KV<String, List<T>>> expand(PCollection<KV<String, T>> values) {
    SerializableFunction<T, String> idOf = this.idOf;
    PCollectionView<Map<String, KV<Long, String>>> cutoffs =
        values
            .apply(
                "KeyByIdHash",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(),
                            TypeDescriptors.kvs(
                                TypeDescriptors.longs(), TypeDescriptors.strings())))
                    .via(value -> KV.of(value.getKey(), rank(idOf.apply(value.getValue())))))
            .setCoder(
                KvCoder.of(
                    StringUtf8Coder.of(),
                    KvCoder.of(BigEndianLongCoder.of(), StringUtf8Coder.of())))
            .apply("FindSmallestHashes", Top.perKey(size, new EarlierFirst()))
            .apply("TakeCutoffs", ParDo.of(new CutoffFn(size)))
            .apply("ViewCutoffs", View.asMap());
    Coder<T> valueCoder = ((KvCoder<String, T>) values.getCoder()).getValueCoder();
    return values
        .apply("KeepSampled", ParDo.of(new KeepFn<>(cutoffs, idOf)).withSideInputs(cutoffs))
        .setCoder(values.getCoder())
        .apply("GroupSampleByKey", GroupByKey.create())
        .apply("SortSample", ParDo.of(new SortFn<>(idOf)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(valueCoder)));
  }

  private static KV<Long, String> rank(String id) {
    return KV.of(Split.hash(id), id);
  }

  /** For {@code Top}, which keeps the largest: earlier in the sample's order counts as larger. */
  private static final class EarlierFirst implements Comparator<KV<Long, String>>, Serializable {
    @Override
    public int compare(KV<Long, String> a, KV<Long, String> b) {
      return ORDER.compare(b, a);
    }
  }

  /** The last rank of a full sample; a key with fewer values keeps them all. */
  private static final class CutoffFn
      extends DoFn<KV<String, List<KV<Long, String>>>, KV<String, KV<Long, String>>> {
    private final int size;

    CutoffFn(int size) {
      this.size = size;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, List<KV<Long, String>>> smallest,
        OutputReceiver<KV<String, KV<Long, String>>> out) {
      List<KV<Long, String>> ranks = smallest.getValue();
      if (ranks.size() == size) {
        out.output(KV.of(smallest.getKey(), ranks.get(ranks.size() - 1)));
      }
    }
  }

  private static final class KeepFn<T> extends DoFn<KV<String, T>, KV<String, T>> {
    private final PCollectionView<Map<String, KV<Long, String>>> cutoffs;
    private final SerializableFunction<T, String> idOf;

    KeepFn(
        PCollectionView<Map<String, KV<Long, String>>> cutoffs,
        SerializableFunction<T, String> idOf) {
      this.cutoffs = cutoffs;
      this.idOf = idOf;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, T> value, ProcessContext context, OutputReceiver<KV<String, T>> out) {
      KV<Long, String> cutoff = context.sideInput(cutoffs).get(value.getKey());
      if (cutoff == null || ORDER.compare(rank(idOf.apply(value.getValue())), cutoff) <= 0) {
        out.output(value);
      }
    }
  }

  private static final class SortFn<T> extends DoFn<KV<String, Iterable<T>>, KV<String, List<T>>> {
    private final SerializableFunction<T, String> idOf;

    SortFn(SerializableFunction<T, String> idOf) {
      this.idOf = idOf;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, Iterable<T>> sample, OutputReceiver<KV<String, List<T>>> out) {
      List<KV<KV<Long, String>, T>> ranked = new ArrayList<>();
      sample.getValue().forEach(value -> ranked.add(KV.of(rank(idOf.apply(value)), value)));
      ranked.sort(Comparator.comparing(KV::getKey, ORDER));
      List<T> sorted = ranked.stream().map(KV::getValue).toList();
      out.output(KV.of(sample.getKey(), sorted));
    }
  }
}
