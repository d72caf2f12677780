package dev.sift.transforms.quality;

import dev.sift.transforms.SerializedCoder;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * How many conversations hold each hashed term, and how many conversations there are: the IDF side
 * of TF-IDF. A fixed array of integer counts, so merging partial counts in any order gives the same
 * result; serialised sparsely, since most slots of a small run are empty.
 */
final class DocumentFrequencies implements Serializable {
  private transient int[] counts = new int[TermVector.DIMENSIONS];
  private long documents;

  /** Smoothed inverse document frequency, {@code ln((N + 1) / (df + 1)) + 1}, as scikit-learn. */
  double idf(int id) {
    return Math.log((documents + 1.0) / (counts[id] + 1.0)) + 1;
  }

  long documents() {
    return documents;
  }

  void add(int[] distinctIds) {
    documents++;
    for (int id : distinctIds) {
      counts[id]++;
    }
  }

  void merge(DocumentFrequencies other) {
    documents += other.documents;
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    int nonZero = 0;
    for (int count : counts) {
      nonZero += count == 0 ? 0 : 1;
    }
    out.writeInt(nonZero);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        out.writeInt(i);
        out.writeInt(counts[i]);
      }
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    counts = new int[TermVector.DIMENSIONS];
    int nonZero = in.readInt();
    for (int k = 0; k < nonZero; k++) {
      int id = in.readInt();
      counts[id] = in.readInt();
    }
  }

  /** Counts the distinct terms of every measured conversation. */
  static final class CountFn
      extends Combine.CombineFn<Measured, DocumentFrequencies, DocumentFrequencies> {
    @Override
    public DocumentFrequencies createAccumulator() {
      return new DocumentFrequencies();
    }

    @Override
    public DocumentFrequencies addInput(DocumentFrequencies frequencies, Measured measured) {
      frequencies.add(measured.termIds());
      return frequencies;
    }

    @Override
    public DocumentFrequencies mergeAccumulators(Iterable<DocumentFrequencies> accumulators) {
      DocumentFrequencies merged = new DocumentFrequencies();
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public DocumentFrequencies extractOutput(DocumentFrequencies frequencies) {
      return frequencies;
    }

    @Override
    public Coder<DocumentFrequencies> getAccumulatorCoder(
        CoderRegistry registry, Coder<Measured> input) {
      return SerializedCoder.forType(DocumentFrequencies.class);
    }

    @Override
    public Coder<DocumentFrequencies> getDefaultOutputCoder(
        CoderRegistry registry, Coder<Measured> input) {
      return SerializedCoder.forType(DocumentFrequencies.class);
    }
  }
}
