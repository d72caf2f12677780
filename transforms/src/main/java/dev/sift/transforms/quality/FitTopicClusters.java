package dev.sift.transforms.quality;

import dev.sift.transforms.PrimitiveArrays;
import dev.sift.transforms.SerializedCoder;
import dev.sift.transforms.dedup.Hash64;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Fits each semantically scored task's {@link TopicClusters} on a sample of its embeddings, the
 * {@value #SAMPLE} conversations with the smallest id hashes (a uniform sample, chosen by a fixed
 * order rather than by arrival), seeded by a hash of the task's name. One worker holds one task's
 * sample at a time; the result is a side input of every task's centroids.
 */
final class FitTopicClusters
    extends PTransform<PCollection<Measured>, PCollectionView<Map<String, TopicClusters>>> {
  static final int SAMPLE = 1_024;

  private static final long SEED = 0x5EED_70B1C5L;

  @Override
  public PCollectionView<Map<String, TopicClusters>> expand(PCollection<Measured> measured) {
    return measured
        .apply("KeyEmbeddingsByTask", ParDo.of(new KeyFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), PointCoder.INSTANCE))
        .apply("SampleEmbeddings", Top.perKey(SAMPLE, new SmallerKeyFirst()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(PointCoder.INSTANCE)))
        .apply("FitClusters", ParDo.of(new FitFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializedCoder.forType(TopicClusters.class)))
        .apply("ViewClusters", View.asMap());
  }

  /** The random stream's seed of {@code task}'s k-means++. */
  static long seed(String task) {
    return Hash64.of(task, 0, task.length(), SEED);
  }

  /** One embedded conversation of the sample. */
  record Point(long key, String id, float[] vector) implements Serializable {}

  /** Codes a {@link Point} field by field; deterministic, compared by its encoded bytes. */
  static final class PointCoder extends AtomicCoder<Point> {
    static final PointCoder INSTANCE = new PointCoder();

    @Override
    public void encode(Point point, OutputStream out) throws IOException {
      VarLongCoder.of().encode(point.key(), out);
      StringUtf8Coder.of().encode(point.id(), out);
      PrimitiveArrays.writeFloats(point.vector(), out);
    }

    @Override
    public Point decode(InputStream in) throws IOException {
      return new Point(
          VarLongCoder.of().decode(in),
          StringUtf8Coder.of().decode(in),
          PrimitiveArrays.readFloats(in));
    }
  }

  private static final class KeyFn extends DoFn<Measured, KV<String, Point>> {
    @ProcessElement
    public void processElement(@Element Measured m, OutputReceiver<KV<String, Point>> out) {
      if (m.semantic()) {
        String id = m.conversation.getId();
        out.output(
            KV.of(
                m.conversation.getTask(),
                new Point(Hash64.mix(Words.hash(id, 0, id.length())), id, m.embedding)));
      }
    }
  }

  /** For {@code Top}, which keeps the largest: a smaller key (then id) counts as larger. */
  private static final class SmallerKeyFirst implements Comparator<Point>, Serializable {
    @Override
    public int compare(Point a, Point b) {
      int byKey = Long.compare(b.key(), a.key());
      return byKey != 0 ? byKey : b.id().compareTo(a.id());
    }
  }

  private static final class FitFn
      extends DoFn<KV<String, List<Point>>, KV<String, TopicClusters>> {
    @ProcessElement
    public void processElement(
        @Element KV<String, List<Point>> sample, OutputReceiver<KV<String, TopicClusters>> out) {
      List<Point> points = new ArrayList<>(sample.getValue());
      points.sort(Comparator.comparing(Point::id));
      out.output(
          KV.of(
              sample.getKey(),
              TopicClusters.fit(
                  points.stream().map(Point::vector).toList(), seed(sample.getKey()))));
    }
  }
}
