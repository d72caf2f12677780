package dev.sift.schemas;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of personal data and secrets the anonymise stage detects and replaces. The {@link
 * #code()} names the type in the spec and the report; {@link #placeholder()} is what the {@code
 * placeholder} operator writes in its place.
 */
public enum EntityType {
  EMAIL,
  PHONE,
  CREDIT_CARD,
  IBAN,
  IP_ADDRESS,
  US_SSN,
  SECRET,
  URL,
  PERSON,
  STREET_ADDRESS,
  DATE_OF_BIRTH;

  private final String code = name().toLowerCase(Locale.ROOT);
  private final String placeholder = "[" + name() + "]";

  public String code() {
    return code;
  }

  public String placeholder() {
    return placeholder;
  }

  /** The type whose {@link #code()} is {@code code}, if any. */
  public static Optional<EntityType> fromCode(String code) {
    for (EntityType type : values()) {
      if (type.code().equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
