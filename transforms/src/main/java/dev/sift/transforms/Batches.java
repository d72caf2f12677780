package dev.sift.transforms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Items on their way to a hash bucket ({@link Buckets}), collected per bucket while a DoFn handles
 * one element (often a whole bucket itself) and emitted as one list per bucket. Results never
 * depend on how items are batched: every consumer sorts or keys what it receives.
 */
public final class Batches<T> {
  private final Map<Integer, List<T>> byBucket = new HashMap<>();

  public void add(int bucket, T item) {
    byBucket.computeIfAbsent(bucket, b -> new ArrayList<>()).add(item);
  }

  public void emitTo(DoFn.OutputReceiver<KV<Integer, List<T>>> out) {
    byBucket.forEach((bucket, items) -> out.output(KV.of(bucket, items)));
    byBucket.clear();
  }

  /** The coder of a batched collection of {@code items}. */
  public static <T> KvCoder<Integer, List<T>> coder(Coder<T> items) {
    return KvCoder.of(VarIntCoder.of(), ListCoder.of(items));
  }

  /** Batches of {@code (node, node)} pairs: candidates, edges, labels. */
  public static KvCoder<Integer, List<KV<String, String>>> ofNodePairs() {
    return coder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }
}
