package dev.sift.transforms.validate;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Message;
import dev.sift.schemas.Reason;
import dev.sift.schemas.Role;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.accounting.Accounting;
import dev.sift.transforms.json.Json;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Dead-letters conversations that cannot teach a model anything: no turns, a turn with no text
 * (after normalisation), or no assistant turn. Runs after normalisation.
 */
public final class ValidateConversations
    extends PTransform<PCollection<Conversation>, PCollectionTuple> {
  public static final String STAGE = "validate";

  private final int rawLimit;

  private ValidateConversations(int rawLimit) {
    this.rawLimit = rawLimit;
  }

  /** {@code rawLimit}: how much of a rejected conversation's JSON its dead letter keeps. */
  public static ValidateConversations withRawLimit(int rawLimit) {
    return new ValidateConversations(rawLimit);
  }

  @Override
  public PCollectionTuple expand(PCollection<Conversation> conversations) {
    return conversations.apply(
        "CheckConversations",
        ParDo.of(new ValidateFn(rawLimit))
            .withOutputTags(
                StageOutputs.CONVERSATIONS, TupleTagList.of(StageOutputs.DEAD_LETTERS)));
  }

  /** The first rule {@code conversation} breaks, with a readable problem. */
  static Optional<Violation> check(Conversation conversation) {
    List<Message> messages = conversation.getMessages();
    if (messages.isEmpty()) {
      return Optional.of(new Violation(Reason.EMPTY_CONVERSATION, "the conversation has no turns"));
    }
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).getContent().isEmpty()) {
        return Optional.of(
            new Violation(
                Reason.EMPTY_MESSAGE,
                "turn " + (i + 1) + " (" + messages.get(i).getRole() + ") has no text"));
      }
    }
    String assistant = Role.ASSISTANT.wireName();
    if (messages.stream().noneMatch(message -> message.getRole().equals(assistant))) {
      return Optional.of(
          new Violation(
              Reason.NO_ASSISTANT_TURN,
              "none of the " + messages.size() + " turns is an assistant turn"));
    }
    return Optional.empty();
  }

  record Violation(Reason reason, String problem) {}

  private static final class ValidateFn extends DoFn<Conversation, Conversation> {
    private final int rawLimit;

    ValidateFn(int rawLimit) {
      this.rawLimit = rawLimit;
    }

    @ProcessElement
    public void processElement(@Element Conversation conversation, MultiOutputReceiver out) {
      Optional<Violation> violation = check(conversation);
      if (violation.isEmpty()) {
        out.get(StageOutputs.CONVERSATIONS).output(conversation);
        return;
      }
      Reason reason = violation.get().reason();
      Accounting.deadLettered(reason.code());
      out.get(StageOutputs.DEAD_LETTERS)
          .output(
              DeadLetter.create(
                  conversation.getSource(),
                  conversation.getTask(),
                  STAGE,
                  reason,
                  violation.get().problem(),
                  Json.compact(Json.conversation(conversation)),
                  rawLimit));
    }
  }
}
