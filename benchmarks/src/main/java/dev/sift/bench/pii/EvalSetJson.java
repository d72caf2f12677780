package dev.sift.bench.pii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The evaluation set as JSON Lines, one conversation a line, keys in this order:
 *
 * <pre>{@code
 * {"id":"pii-eval-00001","task":"billing","agent":"Lena Fischer",
 *  "messages":[{"role":"user","content":"Hi, my name is Priya Raghavan. ...",
 *    "spans":[{"type":"person","start":15,"end":29,"value":"Priya Raghavan"}],
 *    "negatives":[{"kind":"order_number","start":..,"end":..,"value":"ORD-2024-118734"}]}, ...]}
 * }</pre>
 *
 * <p>Offsets are Java string (UTF-16) indices into {@code content}, end exclusive; {@code agent} is
 * absent when the record declares no agent. Sift reads the file as OpenAI chat: the extra keys of a
 * message are ignored, and {@code id}, {@code task} and {@code agent} become metadata.
 */
public final class EvalSetJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EvalSetJson() {}

  /** The conversation with its labels. */
  public static String labelled(EvalConversation conversation) {
    return render(conversation, true);
  }

  /** The conversation as plain OpenAI chat JSONL, without labels: what users feed Sift. */
  public static String openAi(EvalConversation conversation) {
    return render(conversation, false);
  }

  private static String render(EvalConversation conversation, boolean labels) {
    ObjectNode record = MAPPER.createObjectNode();
    record.put("id", conversation.id());
    record.put("task", conversation.task());
    conversation.agent().ifPresent(agent -> record.put("agent", agent));
    ArrayNode messages = record.putArray("messages");
    for (EvalMessage message : conversation.messages()) {
      ObjectNode turn = messages.addObject();
      turn.put("role", message.role());
      turn.put("content", message.content());
      if (labels) {
        ArrayNode spans = turn.putArray("spans");
        for (GoldSpan span : message.spans()) {
          spans
              .addObject()
              .put("type", span.type().code())
              .put("start", span.start())
              .put("end", span.end())
              .put("value", span.value());
        }
        ArrayNode negatives = turn.putArray("negatives");
        for (NegativeSpan negative : message.negatives()) {
          negatives
              .addObject()
              .put("kind", negative.kind().code())
              .put("start", negative.start())
              .put("end", negative.end())
              .put("value", negative.value());
        }
      }
    }
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
