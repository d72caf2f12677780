package dev.sift.transforms.dedup;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Fingerprint;
import dev.sift.schemas.spec.DedupSpec;
import dev.sift.transforms.Buckets;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Everything the dedup steps derive from the spec, in one serialisable object: the key text, the
 * scope, node keys, shingling, MinHash, LSH bands and the buckets of the exchanges.
 *
 * <p>A <em>node key</em> names a conversation in the duplicate graph: its scope, its {@link
 * Representatives} rank and its id, separated by NUL. Within a scope, the smallest node key of a
 * cluster is the conversation to keep.
 */
final class DedupSettings implements Serializable {
  private static final char SEPARATOR = '\u0000';

  private final DedupSpec spec;
  // The spec's kinds, parsed once: they are asked for every conversation.
  private final boolean taskScope;
  private final boolean signatures;
  private final Representatives representatives;
  private final KeyText keyText;
  private final MinHasher minHasher;
  private final LshBands bands;
  private final Buckets buckets;

  DedupSettings(DedupSpec spec, Representatives representatives, Buckets buckets) {
    this.spec = spec;
    this.taskScope = spec.scopeKind() == DedupSpec.Scope.TASK;
    this.signatures = spec.verificationKind() == DedupSpec.Verification.SIGNATURE;
    this.representatives = representatives;
    this.buckets = buckets;
    this.keyText = new KeyText(spec);
    this.minHasher = new MinHasher(spec.numPerm());
    this.bands = LshBands.forThreshold(spec.threshold(), spec.numPerm());
  }

  DedupSpec spec() {
    return spec;
  }

  boolean near() {
    return spec.near();
  }

  double threshold() {
    return spec.threshold();
  }

  LshBands bands() {
    return bands;
  }

  Buckets buckets() {
    return buckets;
  }

  String scope(Conversation conversation) {
    return taskScope ? conversation.getTask() : "";
  }

  String keyText(Conversation conversation) {
    return keyText.of(conversation);
  }

  /**
   * What exact copies share: a hash of the scope and the key text. A conversation whose key selects
   * no turn is compared with nothing, so its content key is its own node key.
   */
  String contentKey(Conversation conversation, String text) {
    return text.isEmpty() ? node(conversation) : Fingerprint.of(scope(conversation), text).hex128();
  }

  String node(Conversation conversation) {
    return scope(conversation)
        + SEPARATOR
        + representatives.rank(conversation)
        + SEPARATOR
        + conversation.getId();
  }

  static String idOf(String node) {
    return node.substring(node.lastIndexOf(SEPARATOR) + 1);
  }

  static String scopeOf(String node) {
    return node.substring(0, node.indexOf(SEPARATOR));
  }

  /** The LSH band keys and the verification sketch of a key text; null when it has no shingle. */
  @Nullable Fingerprints fingerprints(String node, String text) {
    long[] shingles = Shingles.of(text, spec.shingleSize());
    if (shingles.length == 0) {
      return null;
    }
    int[] signature = minHasher.signature(shingles);
    Sketch sketch =
        signatures ? Sketch.ofSignature(node, signature) : Sketch.ofShingles(node, shingles);
    return new Fingerprints(bands.keys(scopeOf(node), signature), sketch);
  }

  /** A node's LSH band keys and its sketch. */
  record Fingerprints(long[] bandKeys, Sketch sketch) {}
}
