package dev.sift.transforms.normalize;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Normalises every message's text and speaker name with {@link TextNormalizer}. */
public final class NormalizeConversations
    extends PTransform<PCollection<Conversation>, PCollection<Conversation>> {

  public static NormalizeConversations create() {
    return new NormalizeConversations();
  }

  @Override
  public PCollection<Conversation> expand(PCollection<Conversation> conversations) {
    return conversations.apply(
        "NormalizeText",
        MapElements.into(TypeDescriptor.of(Conversation.class))
            .via(NormalizeConversations::normalize));
  }

  static Conversation normalize(Conversation conversation) {
    List<Message> messages =
        conversation.getMessages().stream()
            .map(
                message ->
                    Message.create(
                        message.getRole(),
                        TextNormalizer.normalize(message.getContent()),
                        message.getName() == null
                            ? null
                            : TextNormalizer.normalize(message.getName())))
            .collect(Collectors.toList());
    return conversation.withMessages(messages);
  }
}
