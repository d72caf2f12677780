package dev.sift.transforms.write;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Filtered;
import dev.sift.schemas.SourceRef;
import dev.sift.transforms.json.Json;
import java.util.Locale;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * File entries for {@link WriteSortedFiles} of the dead-letter and filtered outputs and of the
 * stage pipelines' conversations.
 */
public final class RenderRecords {
  private RenderRecords() {}

  /** Dead letters as JSON lines of {@link OutputLayout#DEAD_LETTERS}, in file and line order. */
  public static MapElements<DeadLetter, KV<String, KV<String, String>>> deadLetters() {
    return MapElements.into(entries())
        .via(
            deadLetter ->
                KV.of(
                    OutputLayout.DEAD_LETTERS,
                    KV.of(
                        position(deadLetter.getSource()) + '\u0000' + deadLetter.getReason(),
                        Json.compact(Json.deadLetter(deadLetter)))));
  }

  /** Filtered records as JSON lines of {@link OutputLayout#FILTERED}, by task and id. */
  public static MapElements<Filtered, KV<String, KV<String, String>>> filtered() {
    return MapElements.into(entries())
        .via(
            filtered ->
                KV.of(
                    OutputLayout.FILTERED,
                    KV.of(
                        filtered.getTask() + '\u0000' + filtered.getId(),
                        Json.compact(Json.filtered(filtered)))));
  }

  /**
   * Conversations in the canonical schema, one JSON line each, in {@code
   * <folder>/<task>/conversations.jsonl} by id.
   */
  public static MapElements<Conversation, KV<String, KV<String, String>>> conversations(
      String folder) {
    return MapElements.into(entries())
        .via(
            conversation ->
                KV.of(
                    OutputLayout.conversationsFile(folder, conversation.getTask()),
                    KV.of(conversation.getId(), Json.compact(Json.conversation(conversation)))));
  }

  /** Sorts like the file, then numerically by line and record. */
  private static String position(SourceRef source) {
    return String.format(
        Locale.ROOT,
        "%s\u0000%019d\u0000%019d",
        source.getFile(),
        source.getLine(),
        source.getRecord());
  }

  private static TypeDescriptor<KV<String, KV<String, String>>> entries() {
    return TypeDescriptors.kvs(
        TypeDescriptors.strings(),
        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()));
  }
}
