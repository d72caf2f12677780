package dev.sift.transforms.dedup;

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
 * Items on their way to a hash bucket, collected per bucket while a DoFn handles one element (often
 * a whole bucket itself) and emitted as one list per bucket.
 *
 * <p>Every exchange of the dedup stage goes bucket to bucket: at most {@link #BUCKETS} squared
 * elements per shuffle whatever the number of conversations. Grouping by a key per conversation,
 * band or node would give the Direct Runner one bundle per key, and its fixed cost per bundle would
 * dominate. Results never depend on how items are batched: every consumer sorts or keys what it
 * receives.
 */
final class Batches<T> {
  static final int BUCKETS = 256;

  private final Map<Integer, List<T>> byBucket = new HashMap<>();

  /** The bucket of a node key (or any string): stable across JVMs, as String.hashCode is. */
  static int bucketOf(String key) {
    return bucketOf((long) key.hashCode());
  }

  static int bucketOf(long hash) {
    return (int) Math.floorMod(Hash64.mix(hash), (long) BUCKETS);
  }

  void add(int bucket, T item) {
    byBucket.computeIfAbsent(bucket, b -> new ArrayList<>()).add(item);
  }

  void emitTo(DoFn.OutputReceiver<KV<Integer, List<T>>> out) {
    byBucket.forEach((bucket, items) -> out.output(KV.of(bucket, items)));
    byBucket.clear();
  }

  /** The coder of a batched collection of {@code items}. */
  static <T> KvCoder<Integer, List<T>> coder(Coder<T> items) {
    return KvCoder.of(VarIntCoder.of(), ListCoder.of(items));
  }

  /** Batches of {@code (node, node)} pairs: candidates, edges, labels. */
  static KvCoder<Integer, List<KV<String, String>>> ofNodePairs() {
    return coder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }
}
