package dev.sift.transforms.quality;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Token counts with JTokkit, the Java port of OpenAI's tiktoken. Special-token text such as {@code
 * <|endoftext|>} counts as ordinary text, as a training file holds it. The registry loads an
 * encoding once per JVM, on first use; encodings are thread-safe.
 */
final class Tokens {
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  private final Encoding encoding;

  private Tokens(Encoding encoding) {
    this.encoding = encoding;
  }

  /** {@code name}: one of {@code QualitySpec.ENCODINGS}, such as {@code o200k_base}. */
  static Tokens of(String name) {
    EncodingType type =
        EncodingType.fromName(name)
            .orElseThrow(() -> new IllegalArgumentException("Unknown encoding " + name));
    return new Tokens(REGISTRY.getEncoding(type));
  }

  int count(String text) {
    return encoding.countTokensOrdinary(text);
  }
}
