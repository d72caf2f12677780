package dev.sift.schemas.spec;

import dev.sift.schemas.EntityType;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How personal data and secrets are replaced before anything is deduplicated, scored or written.
 *
 * @param operator what replaces a detected value unless {@code operators} says otherwise: {@code
 *     surrogate} (default: a realistic fake of the same shape, so a fine-tuned model does not learn
 *     placeholder tokens), {@code pseudonym} ({@code [PERSON_1]}, numbered per conversation) or
 *     {@code placeholder} ({@code [EMAIL]})
 * @param operators per entity type code ({@code email}, {@code person}, ...), an operator that
 *     overrides {@code operator}
 * @param seed surrogates are derived from it, the conversation and the value: the same seed gives
 *     the same surrogates on every run
 * @param phoneRegions ISO 3166 regions whose national phone formats are recognised; numbers written
 *     with a leading {@code +} are recognised for every region
 * @param allow values never replaced, compared case-insensitively (the company's own support
 *     address or phone line, say)
 */
public record AnonymizeSpec(
    String operator,
    Map<String, String> operators,
    Long seed,
    List<String> phoneRegions,
    List<String> allow)
    implements Serializable {

  public static final List<String> DEFAULT_PHONE_REGIONS =
      List.of("US", "CA", "GB", "IE", "AU", "NZ", "IN", "DE", "FR", "ES", "IT", "NL");

  /** How a detected value is replaced. */
  public enum Operator {
    PLACEHOLDER,
    PSEUDONYM,
    SURROGATE;

    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
      return code;
    }

    public static Optional<Operator> fromCode(String code) {
      for (Operator operator : values()) {
        if (operator.code().equals(code)) {
          return Optional.of(operator);
        }
      }
      return Optional.empty();
    }
  }

  public AnonymizeSpec {
    operator = Objects.requireNonNullElse(operator, Operator.SURROGATE.code());
    operators = operators == null ? Map.of() : Map.copyOf(new TreeMap<>(operators));
    seed = Objects.requireNonNullElse(seed, 0L);
    phoneRegions =
        phoneRegions == null
            ? DEFAULT_PHONE_REGIONS
            : phoneRegions.stream().map(region -> region.toUpperCase(Locale.ROOT)).toList();
    allow = allow == null ? List.of() : List.copyOf(allow);
  }

  public static AnonymizeSpec standard() {
    return new AnonymizeSpec(null, null, null, null, null);
  }

  /** The operator for {@code type}; the spec must have been validated by {@link SpecLoader}. */
  public Operator operatorFor(EntityType type) {
    return Operator.fromCode(operators.getOrDefault(type.code(), operator)).orElseThrow();
  }
}
