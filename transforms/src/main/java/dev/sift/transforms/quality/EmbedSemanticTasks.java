package dev.sift.transforms.quality;

import dev.sift.schemas.spec.QualitySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;

/**
 * Gives every conversation of a task that the semantic mode scores its sentence embedding: counts
 * each task's conversations, decides per task by {@link QualitySpec#semanticFor}, and embeds the
 * chosen ones in batches of up to {@value #BATCH} per bundle. The other conversations pass as they
 * are. The model is loaded once per worker ({@link SentenceEmbedder}).
 */
final class EmbedSemanticTasks extends PTransform<PCollection<Measured>, PCollection<Measured>> {
  static final int BATCH = 64;

  private final QualitySpec quality;

  EmbedSemanticTasks(QualitySpec quality) {
    this.quality = quality;
  }

  @Override
  public PCollection<Measured> expand(PCollection<Measured> measured) {
    PCollectionView<Map<String, Long>> sizes =
        measured
            .apply(
                "OnePerConversation",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                    .via(m -> KV.of(m.conversation.getTask(), 1L)))
            .apply("CountPerTask", Sum.longsPerKey())
            .apply("ViewTaskSizes", View.asMap());
    return measured
        .apply("EmbedConversations", ParDo.of(new EmbedFn(quality, sizes)).withSideInputs(sizes))
        .setCoder(measured.getCoder());
  }

  /** Buffers the conversations to embed and embeds them a batch at a time. */
  private static final class EmbedFn extends DoFn<Measured, Measured> {
    private final Counter embedded = Metrics.counter(EmbedSemanticTasks.class, "embedded");
    private final QualitySpec quality;
    private final PCollectionView<Map<String, Long>> sizes;
    private transient List<Pending> pending;

    EmbedFn(QualitySpec quality, PCollectionView<Map<String, Long>> sizes) {
      this.quality = quality;
      this.sizes = sizes;
    }

    /** A conversation waiting for its embedding, with where it belongs. */
    private record Pending(Measured measured, Instant timestamp, BoundedWindow window) {}

    @StartBundle
    public void startBundle() {
      pending = new ArrayList<>();
    }

    @ProcessElement
    public void processElement(
        @Element Measured measured,
        @Timestamp Instant timestamp,
        BoundedWindow window,
        ProcessContext context,
        OutputReceiver<Measured> out) {
      long size = context.sideInput(sizes).getOrDefault(measured.conversation.getTask(), 0L);
      if (!quality.semanticFor(size)) {
        out.output(measured);
        return;
      }
      pending.add(new Pending(measured, timestamp, window));
      if (pending.size() >= BATCH) {
        // Only those of this element's window and time can be output here; the rest wait.
        List<Pending> now = new ArrayList<>();
        List<Pending> later = new ArrayList<>();
        for (Pending p : pending) {
          (p.timestamp().equals(timestamp) && p.window().equals(window) ? now : later).add(p);
        }
        if (now.size() >= BATCH / 2) {
          embed(now).forEach(out::output);
          pending = later;
        }
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      List<Measured> done = embed(pending);
      for (int i = 0; i < done.size(); i++) {
        context.output(done.get(i), pending.get(i).timestamp(), pending.get(i).window());
      }
      pending = new ArrayList<>();
    }

    private List<Measured> embed(List<Pending> batch) {
      if (batch.isEmpty()) {
        return List.of();
      }
      float[][] vectors =
          SentenceEmbedder.embed(
              batch.stream().map(p -> SentenceEmbedder.text(p.measured().conversation)).toList());
      embedded.inc(batch.size());
      List<Measured> done = new ArrayList<>(batch.size());
      for (int i = 0; i < vectors.length; i++) {
        done.add(batch.get(i).measured().withEmbedding(vectors[i]));
      }
      return done;
    }
  }
}
