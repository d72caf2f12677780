package dev.sift.transforms.dedup;

import dev.sift.schemas.Conversation;
import dev.sift.transforms.Batches;
import dev.sift.transforms.SchemaCoders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Groups conversations with the same content key (scope and folded key text) and picks each group's
 * representative, the smallest node key. Conversations travel as {@link EncodedMember}s. Outputs,
 * all batched by bucket:
 *
 * <ul>
 *   <li>{@link #MEMBERS}: every conversation as {@code (representative node, member)}, at the
 *       representative's bucket, where its final decision is made;
 *   <li>{@link #SKETCHES}: each representative's verification sketch, at its bucket;
 *   <li>{@link #BANDS}: each representative's LSH band keys as {@code (band key, node)}, at the
 *       band key's bucket.
 * </ul>
 *
 * Only representatives are decoded, shingled and hashed: copies add nothing to near-duplicate
 * search.
 */
final class GroupExactCopies extends PTransform<PCollection<Conversation>, PCollectionTuple> {
  static final TupleTag<KV<Integer, List<KV<String, EncodedMember>>>> MEMBERS = new TupleTag<>() {};
  static final TupleTag<KV<Integer, List<Sketch>>> SKETCHES = new TupleTag<>() {};
  static final TupleTag<KV<Integer, List<KV<Long, String>>>> BANDS = new TupleTag<>() {};

  private static final Comparator<EncodedMember> BY_NODE =
      Comparator.comparing(EncodedMember::node);

  private final DedupSettings settings;

  GroupExactCopies(DedupSettings settings) {
    this.settings = settings;
  }

  @Override
  public PCollectionTuple expand(PCollection<Conversation> conversations) {
    DedupSettings settings = this.settings;
    Coder<Conversation> conversationCoder = SchemaCoders.of(conversations, Conversation.class);
    KvCoder<String, EncodedMember> keyedMembers =
        KvCoder.of(StringUtf8Coder.of(), EncodedMember.CODER);
    PCollectionTuple groups =
        conversations
            .apply("KeyByContent", ParDo.of(new KeyByContentFn(settings, conversationCoder)))
            .setCoder(KvCoder.of(VarIntCoder.of(), keyedMembers))
            .apply("GroupByContentBucket", GroupByKey.create())
            .apply(
                "PickRepresentatives",
                ParDo.of(new PickRepresentativesFn(settings, conversationCoder))
                    .withOutputTags(MEMBERS, TupleTagList.of(SKETCHES).and(BANDS)));
    groups.get(MEMBERS).setCoder(Batches.coder(keyedMembers));
    groups.get(SKETCHES).setCoder(Batches.coder(Sketch.CODER));
    groups
        .get(BANDS)
        .setCoder(Batches.coder(KvCoder.of(BigEndianLongCoder.of(), StringUtf8Coder.of())));
    return groups;
  }

  /** {@code (bucket of the content key, (content key, member))}. */
  private static final class KeyByContentFn
      extends DoFn<Conversation, KV<Integer, KV<String, EncodedMember>>> {
    private final DedupSettings settings;
    private final Coder<Conversation> conversationCoder;

    KeyByContentFn(DedupSettings settings, Coder<Conversation> conversationCoder) {
      this.settings = settings;
      this.conversationCoder = conversationCoder;
    }

    @ProcessElement
    public void processElement(
        @Element Conversation conversation,
        OutputReceiver<KV<Integer, KV<String, EncodedMember>>> out)
        throws CoderException {
      String content = settings.contentKey(conversation, settings.keyText(conversation));
      EncodedMember member =
          EncodedMember.of(settings.node(conversation), conversation, conversationCoder);
      out.output(KV.of(settings.buckets().of(content), KV.of(content, member)));
    }
  }

  private static final class PickRepresentativesFn
      extends DoFn<
          KV<Integer, Iterable<KV<String, EncodedMember>>>,
          KV<Integer, List<KV<String, EncodedMember>>>> {
    private final DedupSettings settings;
    private final Coder<Conversation> conversationCoder;

    PickRepresentativesFn(DedupSettings settings, Coder<Conversation> conversationCoder) {
      this.settings = settings;
      this.conversationCoder = conversationCoder;
    }

    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<KV<String, EncodedMember>>> bucket, MultiOutputReceiver out)
        throws CoderException {
      Map<String, List<EncodedMember>> byContent = new HashMap<>();
      for (KV<String, EncodedMember> entry : bucket.getValue()) {
        byContent.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue());
      }
      Batches<KV<String, EncodedMember>> members = new Batches<>();
      Batches<Sketch> sketches = new Batches<>();
      Batches<KV<Long, String>> bands = new Batches<>();
      for (List<EncodedMember> copies : byContent.values()) {
        EncodedMember representative = Collections.min(copies, BY_NODE);
        String node = representative.node();
        int home = settings.buckets().of(node);
        for (EncodedMember copy : copies) {
          members.add(home, KV.of(node, copy));
        }
        if (settings.near()) {
          String text = settings.keyText(representative.decode(conversationCoder));
          DedupSettings.Fingerprints fingerprints = settings.fingerprints(node, text);
          if (fingerprints != null) {
            sketches.add(home, fingerprints.sketch());
            for (long key : fingerprints.bandKeys()) {
              bands.add(settings.buckets().of(key), KV.of(key, node));
            }
          }
        }
      }
      members.emitTo(out.get(MEMBERS));
      sketches.emitTo(out.get(SKETCHES));
      bands.emitTo(out.get(BANDS));
    }
  }
}
