package dev.sift.transforms.quality;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sentence embeddings of the semantic mode: langchain4j's quantised all-MiniLM-L6-v2 on ONNX
 * Runtime, whose model and tokenizer ship inside its Maven artifact, so it runs offline. The model
 * is loaded once per JVM (a worker), on first use, never serialised with a DoFn; it is thread-safe.
 *
 * <p>Vectors have {@value #DIMENSIONS} components and unit length. Each component is rounded to a
 * multiple of {@value #GRID}: ONNX Runtime on a CPU gives the same floats for the same text, and
 * the rounding keeps a last-bit difference between CPU kernels from reaching any output.
 */
public final class SentenceEmbedder {
  public static final int DIMENSIONS = 384;

  /**
   * Words of a conversation embedded: its first ones. The model was trained on texts of up to 256
   * word pieces (about 200 English words) and costs time in proportion to them.
   */
  public static final int MAX_WORDS = 200;

  static final double GRID = 1e-5;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private SentenceEmbedder() {}

  /** The model, loaded with this class's holder the first time it is asked for. */
  private static final class Holder {
    static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
  }

  /** The embeddings of {@code texts}, in order; each text independently of the others. */
  public static float[][] embed(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    List<dev.langchain4j.data.embedding.Embedding> embeddings =
        Holder.MODEL.embedAll(segments).content();
    float[][] vectors = new float[texts.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = rounded(embeddings.get(i).vector());
    }
    return vectors;
  }

  static float[] embed(String text) {
    return embed(List.of(text))[0];
  }

  /**
   * What of a conversation is embedded: its non-system turns, one per line, up to {@value
   * #MAX_WORDS} words (runs of non-space characters).
   */
  public static String text(Conversation conversation) {
    StringBuilder text = new StringBuilder();
    int words = 0;
    for (Message message : conversation.getMessages()) {
      if (message.getRole().equals(Role.SYSTEM.wireName())) {
        continue;
      }
      String separator = text.length() == 0 ? "" : "\n";
      for (String word : WHITESPACE.split(message.getContent().strip())) {
        if (words == MAX_WORDS) {
          return text.toString();
        }
        if (word.isEmpty()) {
          continue;
        }
        text.append(separator).append(word);
        separator = " ";
        words++;
      }
    }
    return text.toString();
  }

  static float[] rounded(float[] vector) {
    float[] rounded = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      rounded[i] = (float) (Math.round(vector[i] / GRID) * GRID);
    }
    return rounded;
  }
}
