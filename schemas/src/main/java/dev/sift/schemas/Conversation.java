package dev.sift.schemas;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/** The canonical conversation every input format is read into. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class Conversation implements Serializable {

  /**
   * Stable id: a hash of the source file's name, the record's position in it and its content (see
   * {@link #idOf}), so a re-run over the same files gives the same ids wherever the files live.
   */
  public abstract String getId();

  public abstract String getTask();

  public abstract SourceRef getSource();

  public abstract List<Message> getMessages();

  /** Everything else the record carried (label, intent, outcome, language, ...), as strings. */
  public abstract Map<String, String> getMetadata();

  public static Conversation create(
      String id,
      String task,
      SourceRef source,
      List<Message> messages,
      Map<String, String> metadata) {
    return new AutoValue_Conversation(
        id, task, source, List.copyOf(messages), Map.copyOf(metadata));
  }

  /** A new conversation whose id is derived from {@code source} and {@code messages}. */
  public static Conversation of(
      String task, SourceRef source, List<Message> messages, Map<String, String> metadata) {
    return create(idOf(source, messages), task, source, messages, metadata);
  }

  public Conversation withMessages(List<Message> newMessages) {
    return create(getId(), getTask(), getSource(), newMessages, getMetadata());
  }

  /**
   * 32 hex digits of SHA-256 over the file's last path segment, the record ordinal and every
   * message's role, name and content. Using the file name rather than its full path keeps ids
   * stable when logs move between a laptop and a bucket.
   */
  public static String idOf(SourceRef source, List<Message> messages) {
    Fingerprint fingerprint =
        Fingerprint.of(fileName(source.getFile()), Long.toString(source.getRecord()));
    for (Message message : messages) {
      fingerprint.add(message.getRole()).add(message.getName() == null ? "" : message.getName());
      fingerprint.add(message.getContent());
    }
    return fingerprint.hex128();
  }

  private static String fileName(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? file : file.substring(slash + 1);
  }
}
