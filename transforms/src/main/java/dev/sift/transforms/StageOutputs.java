package dev.sift.transforms;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Filtered;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The tags of every stage's {@code PCollectionTuple}: what goes on, what was deliberately left out,
 * and what could not be used. The pipeline merges each stage's filtered and dead-letter outputs.
 */
public final class StageOutputs {
  public static final TupleTag<Conversation> CONVERSATIONS = new TupleTag<>() {};
  public static final TupleTag<Filtered> FILTERED = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private StageOutputs() {}
}
