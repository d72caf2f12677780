package dev.sift.schemas.spec;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How conversations are deduplicated: which text is compared, within which scope, and how similar
 * two conversations must be to count as near duplicates.
 *
 * @param scope {@code task} (default: duplicates are looked for within each task) or {@code all}
 *     (across tasks)
 * @param key the text compared: {@code dialogue} (every turn, the default), {@code user_turns} (the
 *     user's turns only: prompt dedup) or {@code without_system} (every turn but the system prompt)
 * @param threshold Jaccard similarity of the shingle sets at or above which two conversations are
 *     near duplicates (0.8)
 * @param shingleSize words per shingle (5); a text of fewer than twice as many words is shingled by
 *     characters instead
 * @param numPerm MinHash permutations per signature (128); the LSH bands and rows are derived from
 *     it and the threshold
 * @param verification how a candidate pair is confirmed: {@code jaccard} (exact Jaccard of the
 *     shingle sets, the default) or {@code signature} (the MinHash estimate)
 * @param mask what is masked before comparing, so that conversations differing only by it match:
 *     {@code numbers} and {@code names} (both by default)
 * @param near whether near duplicates are looked for at all (true); exact duplicates always are
 */
public record DedupSpec(
    String scope,
    String key,
    Double threshold,
    Integer shingleSize,
    Integer numPerm,
    String verification,
    List<String> mask,
    Boolean near)
    implements Serializable {

  public DedupSpec {
    scope = Objects.requireNonNullElse(scope, Scope.TASK.code());
    key = Objects.requireNonNullElse(key, Key.DIALOGUE.code());
    threshold = Objects.requireNonNullElse(threshold, 0.8);
    shingleSize = Objects.requireNonNullElse(shingleSize, 5);
    numPerm = Objects.requireNonNullElse(numPerm, 128);
    verification = Objects.requireNonNullElse(verification, Verification.JACCARD.code());
    mask = mask == null ? List.of(Mask.NUMBERS.code(), Mask.NAMES.code()) : List.copyOf(mask);
    near = Objects.requireNonNullElse(near, true);
  }

  public static DedupSpec standard() {
    return new DedupSpec(null, null, null, null, null, null, null, null);
  }

  /** Where duplicates are looked for. */
  public enum Scope {
    TASK,
    ALL;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Which turns make up the compared text. */
  public enum Key {
    DIALOGUE,
    USER_TURNS,
    WITHOUT_SYSTEM;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How a candidate pair found by LSH is confirmed. */
  public enum Verification {
    JACCARD,
    SIGNATURE;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What is replaced by a placeholder before comparing. */
  public enum Mask {
    NUMBERS,
    NAMES;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Scope scopeKind() {
    return parse(Scope.class, scope).orElseThrow();
  }

  public Key keyKind() {
    return parse(Key.class, key).orElseThrow();
  }

  public Verification verificationKind() {
    return parse(Verification.class, verification).orElseThrow();
  }

  public boolean masks(Mask what) {
    return mask.contains(what.code());
  }

  /** The constant of {@code type} whose code is {@code code}, if any. */
  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> constant.name().toLowerCase(Locale.ROOT).equals(code))
        .findFirst();
  }

  /** The codes of {@code type}'s constants, in declaration order. */
  public static <E extends Enum<E>> List<String> codes(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> constant.name().toLowerCase(Locale.ROOT))
        .toList();
  }
}
