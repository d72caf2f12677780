package dev.sift.transforms.ingest;

import dev.sift.schemas.spec.IngestSpec;
import dev.sift.schemas.spec.TranscriptSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Input that a parser must survive: valid records mixed with garbage, control and NUL characters,
 * byte-order marks, CRLF, invalid UTF-8, deep nesting, huge numbers, strings longer than the record
 * bound, and random bytes.
 *
 * <p>Built with plain {@link Random} calls from the seed jqwik hands over ({@link #from}): jqwik's
 * combinators took 6 ms per case for these shapes, this takes a few microseconds, so that every
 * parser meets ten thousand cases in seconds. jqwik still prints the seed of a failing case, which
 * replays it exactly; the price is that failing cases are not shrunk.
 */
final class HostileInputs {
  static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** Byte sequences that are not UTF-8: a lone continuation, overlong, surrogate, truncated... */
  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0x80},
    {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xE2, (byte) 0x82},
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0xFF},
    {(byte) 0xFE, (byte) 0xFF}
  };

  /** Stands in text for a place where invalid UTF-8 goes once the text is bytes. */
  private static final char BAD_BYTES_HERE = '\uE000';

  private static final String NASTY =
      "\u0000\u0001\u001f\u007f\r\n\t\"\\',;{}[]:\u2028\uFEFF\u00e9";
  private static final String WORDS = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .,?!:";
  private static final String[] ROLES = {
    "user", "assistant", "system", "human", "gpt", "tool", "User ", "robot", ""
  };

  private final Random random;
  private final boolean wellFormed;

  private HostileInputs(Random random, boolean wellFormed) {
    this.random = random;
    this.wellFormed = wellFormed;
  }

  /**
   * An arbitrary of what {@code build} makes from a generator; {@code wellFormed} keeps JSON
   * syntactically valid (escaped strings, valid numbers, distinct keys, bounded nesting).
   */
  static <T> Arbitrary<T> from(boolean wellFormed, Function<HostileInputs, T> build) {
    return Arbitraries.randomValue(random -> build.apply(new HostileInputs(random, wellFormed)));
  }

  /** A generator with a fixed seed, for tests that need the same inputs on every run. */
  static HostileInputs seeded(long seed) {
    return new HostileInputs(new Random(seed), false);
  }

  /** Any bytes at all, up to a few kilobytes. */
  static Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(4_096);
  }

  /** A record bound from the smallest the spec allows to a few kilobytes. */
  static Arbitrary<Integer> maxRecordBytes() {
    return Arbitraries.integers().between(64, 4_096);
  }

  static IngestSpec ingest(int maxRecordBytes, String transcriptDelimiter) {
    return new IngestSpec(
        maxRecordBytes, 200, null, new TranscriptSpec(transcriptDelimiter, null), null);
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /**
   * Text of every kind: words, any characters, NUL and control characters, quotes, separators, runs
   * longer than the record bound, and places for invalid UTF-8.
   */
  String text() {
    int kind = below(10);
    if (kind < 5) {
      return chars(WORDS, below(40));
    }
    if (kind < 7) {
      StringBuilder any = new StringBuilder();
      for (int i = below(30); i > 0; i--) {
        any.append((char) random.nextInt(Character.MAX_VALUE + 1));
      }
      return any.toString();
    }
    if (kind < 9) {
      return chars(NASTY + BAD_BYTES_HERE, below(20));
    }
    return pick(List.of("x", " ", "\u00e9", "\ud83d\ude00")).repeat(1 + below(6_000));
  }

  private String chars(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** A JSON string literal of {@link #text()}, escaped as JSON requires, or now and then raw. */
  String jsonString() {
    return wellFormed || chance(0.9) ? quoted(text()) : "\"" + text() + "\"";
  }

  /** Numbers a parser may choke on: huge, tiny, long, and, unless well-formed, malformed. */
  String jsonNumber() {
    int kind = below(wellFormed ? 4 : 6);
    return switch (kind) {
      case 0 -> String.valueOf(random.nextLong());
      case 1 -> String.valueOf(random.nextDouble() * Math.pow(10, below(600) - 300));
      case 2 -> pick(List.of("1e999999", "-0", "1E-400", "-1.5e+308"));
      case 3 -> "9".repeat(1 + below(1_000));
      case 4 -> pick(List.of("0x1F", "01", "NaN", "Infinity", "1.", ".5", "--1"));
      default -> "9".repeat(1_001 + below(2_000));
    };
  }

  /** Any JSON value nested up to {@code depth} levels; an object's keys are distinct. */
  String jsonValue(int depth) {
    int kind = below(depth > 0 ? 5 : 3);
    switch (kind) {
      case 0:
        return jsonString();
      case 1:
        return jsonNumber();
      case 2:
        return pick(List.of("true", "false", "null"));
      case 3:
        List<String> values = new ArrayList<>();
        for (int i = below(4); i > 0; i--) {
          values.add(jsonValue(depth - 1));
        }
        return "[" + String.join(",", values) + "]";
      default:
        List<String> fields = new ArrayList<>();
        for (int i = below(4); i > 0; i--) {
          String key = wellFormed ? quoted("k" + fields.size() + text()) : jsonString();
          fields.add(key + ":" + jsonValue(depth - 1));
        }
        return "{" + String.join(",", fields) + "}";
    }
  }

  /** Brackets nested deeper than any parser should recurse, closed or not. */
  String deepNesting() {
    int depth = 1 + below(5_000);
    boolean array = chance(0.5);
    return (array ? "[" : "{\"a\":").repeat(depth)
        + "1"
        + (chance(0.5) ? (array ? "]" : "}").repeat(depth) : "");
  }

  /** An OpenAI or ShareGPT record whose roles, contents and extra fields vary. */
  String chatRecord() {
    boolean openAi = chance(0.5);
    List<String> turns = new ArrayList<>();
    for (int i = below(5); i > 0; i--) {
      String role = chance(0.8) ? pick(List.of(ROLES)) : text();
      String content = chance(0.75) ? jsonString() : jsonValue(2);
      turns.add(
          openAi
              ? "{\"role\":" + quoted(role) + ",\"content\":" + content + "}"
              : "{\"from\":" + quoted(role) + ",\"value\":" + content + "}");
    }
    StringBuilder record =
        new StringBuilder(openAi ? "{\"messages\":[" : "{\"conversations\":[")
            .append(String.join(",", turns))
            .append(']');
    List<String> extras = new ArrayList<>(List.of("task", "metadata", "id"));
    if (!wellFormed) {
      extras.add(openAi ? "messages" : "conversations");
    }
    for (int i = below(3); i > 0 && !extras.isEmpty(); i--) {
      String key = extras.remove(below(extras.size()));
      record.append(",\"").append(key).append("\":").append(jsonValue(2));
    }
    return record.append('}').toString();
  }

  /** One line of a JSON Lines file: mostly records, some of them anything else. */
  String jsonLine() {
    int kind = below(11);
    if (kind < 6) {
      return chatRecord();
    }
    if (kind < 8) {
      return jsonValue(3);
    }
    if (kind < 9) {
      return deepNesting();
    }
    return kind < 10 ? text() : pick(List.of("", " ", "\t", "\r"));
  }

  /** One line of a transcript: turns, continuations, delimiters, blank lines, anything. */
  String transcriptLine() {
    int kind = below(10);
    if (kind < 4) {
      String speaker =
          pick(List.of("User", "Assistant", "Agent (Maria)", "customer", "Bot", "Nobody"));
      return (chance(0.2) ? "[10:0" + below(10) + "] " : "") + speaker + ":" + text();
    }
    if (kind < 6) {
      return text();
    }
    if (kind < 8) {
      return pick(List.of("---", " --- ", "###", "", " ", "	", "---x"));
    }
    return kind < 9 ? jsonLine() : chars(NASTY, below(10));
  }

  /** A CSV field: ids from a small pool (rows of a conversation meet), orders, roles, text. */
  String csvField(String column) {
    return switch (column) {
      case "conversation_id" -> chance(0.9) ? "c" + below(5) : text();
      case "turn_index" ->
          pick(
              List.of(
                  String.valueOf(below(20)),
                  "2026-01-0" + (1 + below(9)) + "T10:00:00Z",
                  "2026-01-01 10:0" + below(10),
                  "9".repeat(1 + below(30)),
                  text()));
      case "role" -> chance(0.8) ? pick(List.of(ROLES)) : text();
      default -> text();
    };
  }

  /** {@code count} lines of up to {@code max}, made by {@code line}. */
  List<String> lines(int max, Function<HostileInputs, String> line) {
    List<String> lines = new ArrayList<>();
    for (int i = below(max + 1); i > 0; i--) {
      lines.add(line.apply(this));
    }
    return lines;
  }

  /**
   * {@code lines} joined by LF or CRLF, maybe after a byte-order mark and with a last line break;
   * invalid UTF-8 replaces the places {@link #text()} marked for it, and, unless well-formed, a few
   * stray bytes (NUL, CR, LF, a quote or invalid UTF-8) land anywhere.
   */
  byte[] joined(List<String> lines) {
    String newline = chance(0.5) ? "\n" : "\r\n";
    String body = String.join(newline, lines) + (chance(0.5) ? newline : "");
    byte[] bytes = withInvalidUtf8(body);
    if (chance(0.3)) {
      bytes = concat(BYTE_ORDER_MARK, bytes);
    }
    if (!wellFormed) {
      for (int i = below(4); i > 0; i--) {
        byte[] stray =
            chance(0.5)
                ? INVALID_UTF8[below(INVALID_UTF8.length)]
                : new byte[] {pick(List.of((byte) 0, (byte) '\r', (byte) '\n', (byte) '"'))};
        int at = below(bytes.length + 1);
        bytes = concat(concat(Arrays.copyOf(bytes, at), stray), tail(bytes, at));
      }
    }
    return bytes;
  }

  /** UTF-8 of {@code text}, with invalid sequences where it has {@link #BAD_BYTES_HERE}. */
  byte[] withInvalidUtf8(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
    int from = 0;
    for (int at = text.indexOf(BAD_BYTES_HERE); at >= 0; at = text.indexOf(BAD_BYTES_HERE, from)) {
      out.writeBytes(text.substring(from, at).getBytes(StandardCharsets.UTF_8));
      out.writeBytes(INVALID_UTF8[below(INVALID_UTF8.length)]);
      from = at + 1;
    }
    out.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private static byte[] tail(byte[] bytes, int from) {
    return Arrays.copyOfRange(bytes, from, bytes.length);
  }

  /** {@code text} as a JSON string literal. */
  static String quoted(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }
}
