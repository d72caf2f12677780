package dev.sift.transforms.ingest;

import dev.sift.schemas.Message;
import dev.sift.schemas.Reason;
import dev.sift.schemas.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits one transcript block into turns. A turn starts at a line beginning with a known speaker
 * prefix, optionally after a bracketed timestamp and with a name in parentheses ({@code [10:02]
 * Agent (Maria): ...}); the lines after it, up to the next prefix, continue the turn.
 */
final class TranscriptParser {
  private final Map<String, Role> roleBySpeaker = new TreeMap<>();
  private final Pattern turnStart;
  private final String knownSpeakers;

  TranscriptParser(Map<String, String> speakers) {
    speakers.forEach(
        (prefix, role) ->
            roleBySpeaker.put(
                prefix.toLowerCase(Locale.ROOT), Role.fromWireName(role).orElseThrow()));
    String alternatives =
        speakers.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(p -> p))
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    turnStart =
        Pattern.compile(
            "^\\s*(?:\\[[^\\]]{1,40}]\\s*)?(?<speaker>"
                + alternatives
                + ")(?:\\s*\\((?<name>[^)]{1,80})\\))?\\s*:[ \\t]?(?<text>.*)$",
            Pattern.CASE_INSENSITIVE);
    knownSpeakers = speakers.keySet().stream().sorted().collect(Collectors.joining(", "));
  }

  /** Whether {@code line} starts a turn; used to sniff transcripts among unknown files. */
  boolean startsTurn(String line) {
    return turnStart.matcher(line).matches();
  }

  /** The turns of a block whose first line is {@code firstLine} of the file. */
  List<Message> parse(List<String> lines, long firstLine) throws RecordException {
    List<Message> messages = new ArrayList<>();
    Role role = null;
    String name = null;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher start = turnStart.matcher(line);
      if (start.matches()) {
        if (role != null) {
          messages.add(Message.create(role.wireName(), text.toString(), name));
        }
        role = roleBySpeaker.get(start.group("speaker").toLowerCase(Locale.ROOT));
        name = start.group("name") == null ? null : start.group("name").strip();
        text.setLength(0);
        text.append(start.group("text"));
      } else if (role != null) {
        text.append('\n').append(line);
      } else if (!line.isBlank()) {
        throw new RecordException(
            Reason.MISSING_SPEAKER,
            "line "
                + (firstLine + i)
                + " has text before the first speaker prefix (known prefixes: "
                + knownSpeakers
                + "; set ingest.transcript.speakers for others)");
      }
    }
    if (role != null) {
      messages.add(Message.create(role.wireName(), text.toString(), name));
    }
    return messages;
  }
}
