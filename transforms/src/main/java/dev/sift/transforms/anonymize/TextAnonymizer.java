package dev.sift.transforms.anonymize;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.EntityType;
import dev.sift.schemas.Fingerprint;
import dev.sift.schemas.Message;
import dev.sift.schemas.spec.AnonymizeSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Replaces the personal data and secrets of a conversation: every turn's text, every speaker name
 * and every metadata value, with the spec's operator for each entity type and one set of
 * replacements per conversation (see {@link Replacements}). Immutable and thread-safe.
 */
public final class TextAnonymizer {
  /** Metadata keys whose values are people's names (speaker, customer_name, agent, ...). */
  private static final Pattern NAME_KEY =
      Pattern.compile(
          "(?i).*name.*|speaker|agent|customer|author|user|assignee|owner|rep|representative"
              + "|sender|recipient|from|to|cc");

  /** {@link #NAME_KEY}'s words, which an ASCII key is looked up in without the pattern. */
  private static final Set<String> NAME_KEYS =
      Set.of(
          "speaker",
          "agent",
          "customer",
          "author",
          "user",
          "assignee",
          "owner",
          "rep",
          "representative",
          "sender",
          "recipient",
          "from",
          "to",
          "cc");

  private final AnonymizeSpec spec;
  private final PiiDetector detector;
  private final Surrogates surrogates;

  private TextAnonymizer(AnonymizeSpec spec) {
    this.spec = spec;
    this.detector = PiiDetector.of(spec);
    this.surrogates = new Surrogates(detector.phones());
  }

  public static TextAnonymizer of(AnonymizeSpec spec) {
    return new TextAnonymizer(spec);
  }

  public PiiDetector detector() {
    return detector;
  }

  /** A conversation with its values replaced, and how many of each type there were. */
  public record Anonymized(Conversation conversation, Map<EntityType, Integer> counts) {}

  public Anonymized anonymize(Conversation conversation) {
    List<String> names = declaredNames(conversation);
    List<String> contents = conversation.getMessages().stream().map(Message::getContent).toList();
    List<List<Span>> spans = detector.detectAll(contents, names);
    Replacements replacements =
        new Replacements(spec, surrogates, () -> scope(conversation, spans));

    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < contents.size(); i++) {
      Message message = conversation.getMessages().get(i);
      String name = message.getName();
      messages.add(
          Message.create(
              message.getRole(),
              replace(contents.get(i), spans.get(i), replacements),
              name == null ? null : replaceName(name, names, replacements)));
    }
    Map<String, String> metadata = new TreeMap<>();
    conversation
        .getMetadata()
        .forEach(
            (key, value) ->
                metadata.put(
                    key,
                    isNameKey(key)
                        ? replaceName(value, names, replacements)
                        : replace(value, detector.detect(value, names), replacements)));
    Conversation anonymized =
        Conversation.create(
            conversation.getId(),
            conversation.getTask(),
            conversation.getSource(),
            messages,
            metadata);
    return new Anonymized(anonymized, new EnumMap<>(replacements.counts()));
  }

  /**
   * What the surrogates of a conversation are drawn within: a hash of its turns with every finding
   * replaced by its placeholder. Exact duplicates (same text, other ids) so get the same surrogates
   * and stay exact duplicates for the dedup stage; unlike a hash of the values, the scope does not
   * let the same phone number map to the same surrogate across the whole dataset.
   */
  private static String scope(Conversation conversation, List<List<Span>> spans) {
    Fingerprint scope = Fingerprint.of(conversation.getTask());
    for (int i = 0; i < spans.size(); i++) {
      Message message = conversation.getMessages().get(i);
      scope.add(message.getRole()).add(placeholders(message.getContent(), spans.get(i)));
    }
    return scope.hex128();
  }

  private static String placeholders(String text, List<Span> spans) {
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder replaced = new StringBuilder(text.length());
    int last = 0;
    for (Span span : spans) {
      replaced.append(text, last, span.start()).append(span.type().placeholder());
      last = span.end();
    }
    return replaced.append(text.substring(last)).toString();
  }

  /**
   * Free text outside a conversation (a dead letter's raw record, an error message) with every
   * finding replaced by its placeholder: a reviewer reading it needs the shape, not a fake value.
   */
  public String scrub(String text) {
    return placeholders(text, detector.detect(text, List.of()));
  }

  private static String replace(String text, List<Span> spans, Replacements replacements) {
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder replaced = new StringBuilder(text.length());
    int last = 0;
    for (Span span : spans) {
      replaced
          .append(text, last, span.start())
          .append(replacements.replace(span.type(), span.in(text)));
      last = span.end();
    }
    return replaced.append(text.substring(last)).toString();
  }

  /** A declared name is replaced whole; a value that is no name (an id, say) is scanned. */
  private String replaceName(String value, List<String> names, Replacements replacements) {
    if (looksLikeName(value.strip())) {
      return replacements.replace(EntityType.PERSON, value);
    }
    return replace(value, detector.detect(value, names), replacements);
  }

  /**
   * The names a conversation's record declares, which the detector finds in any case: speaker names
   * and the values of name-like metadata keys that read as names.
   */
  public static List<String> declaredNames(Conversation conversation) {
    List<String> names = new ArrayList<>();
    for (Message message : conversation.getMessages()) {
      if (message.getName() != null && looksLikeName(message.getName())) {
        names.add(message.getName());
      }
    }
    conversation
        .getMetadata()
        .forEach(
            (key, value) -> {
              if (isNameKey(key.toLowerCase(Locale.ROOT)) && looksLikeName(value.strip())) {
                names.add(value);
              }
            });
    return names;
  }

  /** Whether {@link #NAME_KEY} matches {@code key}: looked up when the key is plain ASCII. */
  static boolean isNameKey(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= 128 || c == '\n' || c == '\r') {
        return NAME_KEY.matcher(key).matches();
      }
    }
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.contains("name") || NAME_KEYS.contains(lower);
  }

  /** A letter, then letters, marks, apostrophes, dots, blanks and hyphens, as names are written. */
  static boolean looksLikeName(String value) {
    if (value.isEmpty() || !Character.isLetter(value.codePointAt(0))) {
      return false;
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (!Character.isLetter(c) && !NameWords.isMark(c) && "'’. -".indexOf(c) < 0) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
