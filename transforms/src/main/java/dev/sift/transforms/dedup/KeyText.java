package dev.sift.transforms.dedup;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.spec.DedupSpec;
import java.io.Serializable;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a conversation that deduplication compares: the turns the spec's key selects, each as
 * {@code role: text} on its own line, folded so that copies differing only in form or in masked
 * details give the same text.
 *
 * <p>Folding, in order: Unicode NFKC (compatibility forms such as full-width letters and ligatures
 * become plain ones); anonymisation placeholders ({@code [NAME]}, {@code <EMAIL_2>}, {@code
 * {{phone}}}) become {@code <pii>}; with the {@code names} mask, e-mail addresses, {@code @handles}
 * and capitalised words inside a sentence (not at its start, and not all-capital acronyms) become
 * {@code <name>}; case folding (upper then lower case, so that {@code ß} and {@code ss} match);
 * with the {@code numbers} mask, every run of digits, with the separators inside it, becomes {@code
 * 0}; finally every run of white space becomes one space.
 */
final class KeyText implements Serializable {
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\[[A-Z][A-Z0-9_ -]*]|<[A-Z][A-Z0-9_-]*>|\\{\\{\\s*[A-Za-z][A-Za-z0-9_]*\\s*}}");

  /**
   * An e-mail address or an {@code @handle}. The address may only start where no address character
   * precedes, so that a search does not rescan every word from each of its letters.
   */
  private static final Pattern EMAIL_OR_HANDLE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}"
              + "|(?<![\\p{L}\\p{N}])@\\w+");

  private final DedupSpec.Key key;
  private final boolean maskNumbers;
  private final boolean maskNames;

  KeyText(DedupSpec spec) {
    this.key = spec.keyKind();
    this.maskNumbers = spec.masks(DedupSpec.Mask.NUMBERS);
    this.maskNames = spec.masks(DedupSpec.Mask.NAMES);
  }

  /** The folded text of the selected turns; empty when the key selects none. */
  String of(Conversation conversation) {
    StringBuilder text = new StringBuilder();
    for (Message message : conversation.getMessages()) {
      if (selected(message.getRole())) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(message.getRole()).append(": ").append(fold(message.getContent()));
      }
    }
    return text.toString();
  }

  private boolean selected(String role) {
    return switch (key) {
      case DIALOGUE -> true;
      case USER_TURNS -> role.equals(Role.USER.wireName());
      case WITHOUT_SYSTEM -> !role.equals(Role.SYSTEM.wireName());
    };
  }

  String fold(String content) {
    String text = Normalizer.normalize(content, Normalizer.Form.NFKC);
    if (text.indexOf('[') >= 0 || text.indexOf('<') >= 0 || text.contains("{{")) {
      text = PLACEHOLDER.matcher(text).replaceAll("<pii>");
    }
    if (maskNames) {
      if (text.indexOf('@') >= 0) {
        text = EMAIL_OR_HANDLE.matcher(text).replaceAll("<name>");
      }
      text = KeyTextScans.maskNamesInsideSentences(text);
    }
    text = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return KeyTextScans.squeeze(text, maskNumbers);
  }
}
