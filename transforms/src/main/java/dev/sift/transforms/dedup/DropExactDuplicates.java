package dev.sift.transforms.dedup;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.Fingerprint;
import dev.sift.schemas.Message;
import dev.sift.schemas.Reason;
import dev.sift.transforms.SchemaCoders;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.accounting.Accounting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Keeps one conversation of each task per normalised content (every turn's role and text, speaker
 * names aside): the one with the smallest id, so the choice does not depend on input order. The
 * others are filtered as {@code exact_duplicate} with the kept one's id. Runs after normalisation.
 *
 * <p>Conversations are grouped into 256 buckets per task by their content hash and deduplicated in
 * memory within a bucket. One group per distinct content would give the Direct Runner one bundle
 * per conversation, and every later step its per-bundle cost per conversation.
 */
public final class DropExactDuplicates
    extends PTransform<PCollection<Conversation>, PCollectionTuple> {
  public static final String STAGE = "dedup";

  public static DropExactDuplicates withinTasks() {
    return new DropExactDuplicates();
  }

  @Override
  public PCollectionTuple expand(PCollection<Conversation> conversations) {
    return conversations
        .apply(
            "KeyByTaskAndContentBucket",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.strings(),
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(), TypeDescriptor.of(Conversation.class))))
                .via(
                    conversation -> {
                      String content = contentKey(conversation);
                      return KV.of(
                          conversation.getTask() + '\u0000' + content.substring(0, 2),
                          KV.of(content, conversation));
                    }))
        .setCoder(
            KvCoder.of(StringUtf8Coder.of(), SchemaCoders.keyed(conversations, Conversation.class)))
        .apply("GroupByContentBucket", GroupByKey.create())
        .apply(
            "KeepOnePerContent",
            ParDo.of(new KeepSmallestIdFn())
                .withOutputTags(
                    StageOutputs.CONVERSATIONS, TupleTagList.of(StageOutputs.FILTERED)));
  }

  /** The task and the fingerprint of every turn's role and text. */
  static String contentKey(Conversation conversation) {
    Fingerprint fingerprint = Fingerprint.of(conversation.getTask());
    for (Message message : conversation.getMessages()) {
      fingerprint.add(message.getRole()).add(message.getContent());
    }
    return fingerprint.hex128();
  }

  private static final class KeepSmallestIdFn
      extends DoFn<KV<String, Iterable<KV<String, Conversation>>>, Conversation> {
    @ProcessElement
    public void processElement(
        @Element KV<String, Iterable<KV<String, Conversation>>> bucket, MultiOutputReceiver out) {
      Map<String, List<Conversation>> byContent = new TreeMap<>();
      for (KV<String, Conversation> entry : bucket.getValue()) {
        byContent
            .computeIfAbsent(entry.getKey(), content -> new ArrayList<>())
            .add(entry.getValue());
      }
      for (List<Conversation> copies : byContent.values()) {
        copies.sort(Comparator.comparing(Conversation::getId));
        Conversation kept = copies.get(0);
        out.get(StageOutputs.CONVERSATIONS).output(kept);
        for (Conversation duplicate : copies.subList(1, copies.size())) {
          Accounting.filtered(Reason.EXACT_DUPLICATE.code());
          out.get(StageOutputs.FILTERED)
              .output(
                  Filtered.of(
                      duplicate, STAGE, Reason.EXACT_DUPLICATE, "duplicate of " + kept.getId()));
        }
      }
    }
  }
}
