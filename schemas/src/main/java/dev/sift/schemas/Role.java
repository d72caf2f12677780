package dev.sift.schemas;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The canonical roles every input is normalised to, with the aliases the supported formats use. */
public enum Role {
  SYSTEM,
  USER,
  ASSISTANT,
  TOOL;

  /**
   * Aliases seen in OpenAI, ShareGPT (and its derivatives), transcripts and CSV exports,
   * lower-case. The spec's {@code ingest.roles} adds to or overrides these.
   */
  public static final Map<String, Role> DEFAULT_ALIASES =
      Map.ofEntries(
          Map.entry("system", SYSTEM),
          Map.entry("developer", SYSTEM),
          Map.entry("user", USER),
          Map.entry("human", USER),
          Map.entry("customer", USER),
          Map.entry("client", USER),
          Map.entry("prompter", USER),
          Map.entry("assistant", ASSISTANT),
          Map.entry("gpt", ASSISTANT),
          Map.entry("chatgpt", ASSISTANT),
          Map.entry("bard", ASSISTANT),
          Map.entry("bing", ASSISTANT),
          Map.entry("model", ASSISTANT),
          Map.entry("bot", ASSISTANT),
          Map.entry("ai", ASSISTANT),
          Map.entry("agent", ASSISTANT),
          Map.entry("function_call", ASSISTANT),
          Map.entry("tool", TOOL),
          Map.entry("function", TOOL),
          Map.entry("function_response", TOOL),
          Map.entry("observation", TOOL));

  /** The name used in records and outputs: {@code user}, {@code assistant}, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The canonical role of {@code wireName}, if it is one. */
  public static Optional<Role> fromWireName(String wireName) {
    for (Role role : values()) {
      if (role.wireName().equals(wireName)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
