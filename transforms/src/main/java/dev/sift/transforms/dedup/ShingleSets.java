package dev.sift.transforms.dedup;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.DedupSpec;
import java.io.Serializable;

/**
 * The shingle set that near-duplicate search compares for a conversation under a spec: what tools
 * checking the stage from outside (the dedup benchmark's brute force) need to compute, with {@link
 * dev.sift.transforms.SortedLongSets#jaccard}, the true similarity the stage estimates.
 */
public final class ShingleSets implements Serializable {
  private final KeyText keyText;
  private final int shingleSize;

  public ShingleSets(DedupSpec spec) {
    this.keyText = new KeyText(spec);
    this.shingleSize = spec.shingleSize();
  }

  /** Sorted, distinct 64-bit shingle hashes of the conversation's folded key text. */
  public long[] of(Conversation conversation) {
    return Shingles.of(keyText.of(conversation), shingleSize);
  }

  /** The folded key text itself: equal key texts make exact duplicates. */
  public String keyText(Conversation conversation) {
    return keyText.of(conversation);
  }
}
