package dev.sift.transforms.quality;

import dev.sift.schemas.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What semantic relevance compares a conversation with: the embeddings of the task's description,
 * of its keywords as one comma-separated text, and of each seed example. Relevance is the largest
 * cosine similarity to any of them, so a conversation close to one seed example, or to the
 * description, is on topic even when the task spans several topics.
 */
final class SemanticProfile {
  static final SemanticProfile EMPTY = new SemanticProfile(List.of());

  private final List<float[]> vectors;

  SemanticProfile(List<float[]> vectors) {
    this.vectors = List.copyOf(vectors);
  }

  /** The profile of {@code task}, embedded; empty when the spec does not describe it. */
  static SemanticProfile of(TaskSpec task) {
    List<String> texts = texts(task);
    return texts.isEmpty() ? EMPTY : new SemanticProfile(List.of(SentenceEmbedder.embed(texts)));
  }

  static List<String> texts(TaskSpec task) {
    List<String> texts = new ArrayList<>();
    if (task == null) {
      return texts;
    }
    if (task.description() != null && !task.description().isBlank()) {
      texts.add(task.description().strip());
    }
    List<String> keywords = task.keywords().stream().filter(k -> !k.isBlank()).toList();
    if (!keywords.isEmpty()) {
      texts.add(String.join(", ", keywords));
    }
    task.examples().stream().filter(e -> !e.isBlank()).map(String::strip).forEach(texts::add);
    return texts;
  }

  boolean isEmpty() {
    return vectors.isEmpty();
  }

  /**
   * The largest cosine similarity of {@code embedding} to the profile, at least 0 (an opposite
   * direction is as unrelated as an orthogonal one), like lexical relevance; null when the profile
   * is empty.
   */
  Double relevance(float[] embedding) {
    if (vectors.isEmpty()) {
      return null;
    }
    double best = 0;
    for (float[] vector : vectors) {
      best = Math.max(best, Embeddings.cosine(embedding, vector));
    }
    return best;
  }
}
