package dev.sift.transforms.dedup;

import dev.sift.schemas.spec.DedupSpec;
import java.io.Serializable;

/**
 * The near-duplicate search of this package for stages outside it: a conversation's shingle set (as
 * {@link ShingleSets} makes it) turned into MinHash LSH band keys tuned to a similarity threshold,
 * so that two sets at or above it share a key with probability at least 0.95. The fine-tuning split
 * uses it to find validation conversations too close to training ones.
 */
public final class BandKeys implements Serializable {
  private final MinHasher hasher;
  private final LshBands bands;

  public BandKeys(DedupSpec spec, double threshold) {
    this.hasher = new MinHasher(spec.numPerm());
    this.bands = LshBands.forThreshold(threshold, spec.numPerm());
  }

  /** One key per band for a non-empty shingle set, within {@code scope}; none for an empty one. */
  public long[] of(String scope, long[] shingles) {
    return shingles.length == 0 ? new long[0] : bands.keys(scope, hasher.signature(shingles));
  }
}
