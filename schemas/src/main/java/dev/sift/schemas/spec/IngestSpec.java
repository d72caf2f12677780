package dev.sift.schemas.spec;

import dev.sift.schemas.Role;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How inputs are read.
 *
 * @param maxRecordBytes a record (line, array element, transcript block, CSV row) longer than this
 *     is dead-lettered as {@code record_too_large} without being held in memory (1 MiB)
 * @param deadLetterRawChars how much of a bad record's raw text its dead letter keeps (2,000)
 * @param roles extra role aliases, e.g. {@code {bot: assistant}}, added to {@link
 *     Role#DEFAULT_ALIASES}; values are canonical role names
 * @param transcript plain-text transcript settings
 * @param csv CSV export settings
 */
public record IngestSpec(
    Integer maxRecordBytes,
    Integer deadLetterRawChars,
    Map<String, String> roles,
    TranscriptSpec transcript,
    CsvSpec csv)
    implements Serializable {

  public IngestSpec {
    maxRecordBytes = Objects.requireNonNullElse(maxRecordBytes, 1 << 20);
    deadLetterRawChars = Objects.requireNonNullElse(deadLetterRawChars, 2_000);
    roles = roles == null ? Map.of() : Map.copyOf(new TreeMap<>(roles));
    transcript = Objects.requireNonNullElseGet(transcript, TranscriptSpec::standard);
    csv = Objects.requireNonNullElseGet(csv, CsvSpec::standard);
  }

  public static IngestSpec standard() {
    return new IngestSpec(null, null, null, null, null);
  }

  /** Lower-case alias to role: the defaults with the spec's {@code roles} on top. */
  public Map<String, Role> roleAliases() {
    Map<String, Role> aliases = new TreeMap<>(Role.DEFAULT_ALIASES);
    roles.forEach(
        (alias, role) ->
            aliases.put(alias.toLowerCase(Locale.ROOT), Role.fromWireName(role).orElseThrow()));
    return aliases;
  }
}
