package dev.sift.transforms.anonymize;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.EntityType;
import dev.sift.schemas.spec.AnonymizeSpec;
import dev.sift.transforms.StageOutputs;
import java.util.Map;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Replaces the personal data and secrets of every conversation ({@link TextAnonymizer}). Outputs
 * the anonymised conversations under {@link StageOutputs#CONVERSATIONS} and, under {@link
 * #ENTITIES}, how many values of each type each conversation had, keyed by task and type code, for
 * the report. Values themselves never leave this step.
 */
public final class AnonymizeConversations
    extends PTransform<PCollection<Conversation>, PCollectionTuple> {
  public static final String STAGE = "anonymize";

  /** {@code ((task, entity type code), count)} per conversation and type found in it. */
  public static final TupleTag<KV<KV<String, String>, Long>> ENTITIES = new TupleTag<>() {};

  private final AnonymizeSpec spec;

  private AnonymizeConversations(AnonymizeSpec spec) {
    this.spec = spec;
  }

  public static AnonymizeConversations withSpec(AnonymizeSpec spec) {
    return new AnonymizeConversations(spec);
  }

  @Override
  public PCollectionTuple expand(PCollection<Conversation> conversations) {
    return conversations.apply(
        "ReplacePersonalData",
        ParDo.of(new AnonymizeFn(spec))
            .withOutputTags(StageOutputs.CONVERSATIONS, TupleTagList.of(ENTITIES)));
  }

  private static final class AnonymizeFn extends DoFn<Conversation, Conversation> {
    private final AnonymizeSpec spec;
    private transient TextAnonymizer anonymizer;

    AnonymizeFn(AnonymizeSpec spec) {
      this.spec = spec;
    }

    @Setup
    public void setup() {
      anonymizer = TextAnonymizer.of(spec);
    }

    @ProcessElement
    public void process(@Element Conversation conversation, MultiOutputReceiver out) {
      TextAnonymizer.Anonymized anonymized = anonymizer.anonymize(conversation);
      out.get(StageOutputs.CONVERSATIONS).output(anonymized.conversation());
      for (Map.Entry<EntityType, Integer> found : anonymized.counts().entrySet()) {
        String type = found.getKey().code();
        Metrics.counter("sift", "anonymized." + type).inc(found.getValue());
        out.get(ENTITIES)
            .output(KV.of(KV.of(conversation.getTask(), type), (long) found.getValue()));
      }
    }
  }
}
