package dev.sift.transforms.dedup;

import com.google.auto.value.AutoValue;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * One duplicate cluster (two or more conversations): the kept one, its task, how many copies were
 * filtered and an example of its text. Partial summaries of the same cluster are merged with {@link
 * #merge}; the representative's fields come from the part that holds it.
 */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class ClusterSummary implements Serializable {
  static final int EXAMPLE_TURNS = 2;
  static final int EXAMPLE_CHARS_PER_TURN = 100;

  /** The kept conversation's id; empty in a part that does not hold it. */
  public abstract String getRepresentative();

  /** The kept conversation's task; empty in a part that does not hold it. */
  public abstract String getTask();

  public abstract long getSize();

  public abstract long getExactDuplicates();

  public abstract long getNearDuplicates();

  /** The first turns of the kept conversation, each cut short, for a reader to recognise it. */
  public abstract String getExample();

  public static ClusterSummary create(
      String representative,
      String task,
      long size,
      long exactDuplicates,
      long nearDuplicates,
      String example) {
    return new AutoValue_ClusterSummary(
        representative, task, size, exactDuplicates, nearDuplicates, example);
  }

  static ClusterSummary ofRepresentative(Conversation kept) {
    return create(kept.getId(), kept.getTask(), 1, 0, 0, example(kept));
  }

  static ClusterSummary ofDuplicate(boolean exact) {
    return create("", "", 1, exact ? 1 : 0, exact ? 0 : 1, "");
  }

  ClusterSummary merge(ClusterSummary other) {
    ClusterSummary named = getRepresentative().isEmpty() ? other : this;
    return create(
        named.getRepresentative(),
        named.getTask(),
        getSize() + other.getSize(),
        getExactDuplicates() + other.getExactDuplicates(),
        getNearDuplicates() + other.getNearDuplicates(),
        named.getExample());
  }

  /** {@code role: text} of the first non-system turns, each cut to a hundred characters. */
  static String example(Conversation conversation) {
    List<String> turns = new ArrayList<>();
    for (Message message : conversation.getMessages()) {
      if (turns.size() == EXAMPLE_TURNS) {
        break;
      }
      if (!message.getRole().equals(Role.SYSTEM.wireName())) {
        String text = message.getContent().replaceAll("\\s+", " ").strip();
        if (text.length() > EXAMPLE_CHARS_PER_TURN) {
          text = text.substring(0, EXAMPLE_CHARS_PER_TURN - 1).strip() + "…";
        }
        turns.add(message.getRole() + ": " + text);
      }
    }
    return String.join(" / ", turns);
  }

  /**
   * Merges the parts of each cluster that reached a bucket of kept nodes: by bucket, not by
   * cluster, so that what follows gets a bundle per bucket, where a key per cluster would give the
   * Direct Runner one per cluster and make every later combine copy its partial results that many
   * times.
   */
  static final class MergePartsFn
      extends DoFn<KV<Integer, Iterable<List<KV<String, ClusterSummary>>>>, ClusterSummary> {
    @ProcessElement
    public void processElement(
        @Element KV<Integer, Iterable<List<KV<String, ClusterSummary>>>> bucket,
        OutputReceiver<ClusterSummary> out) {
      Map<String, ClusterSummary> clusters = new HashMap<>();
      for (List<KV<String, ClusterSummary>> batch : bucket.getValue()) {
        batch.forEach(
            part -> clusters.merge(part.getKey(), part.getValue(), ClusterSummary::merge));
      }
      clusters.values().forEach(out::output);
    }
  }
}
