package dev.sift.transforms.generate;

import static dev.sift.transforms.generate.SupportConversationGenerator.DEFAULT_COUNT;
import static dev.sift.transforms.generate.SupportConversationGenerator.DEFAULT_SEED;
import static dev.sift.transforms.generate.SupportConversationGenerator.EXACT_DUPLICATES;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SupportConversationGeneratorTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path COMMITTED_SAMPLE =
      Path.of("..", "samples", "logs", "billing", "billing-sessions.jsonl.gz");
  private static final List<String> KEYS =
      List.of("messages", "task", "intent", "outcome", "language", "channel");
  private static final Set<String> OUTCOMES = Set.of("resolved", "escalated", "pending");
  private static final Set<String> CHANNELS = Set.of("chat", "email");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@([\\w-]+(\\.[\\w-]+)*\\.[a-z]+)");
  private static final Pattern PHONE_LIKE = Pattern.compile("\\d{3}[-. ]\\d{4}\\b");
  private static final String TEST_CARD = "4242 4242 4242 4242";
  private static final Pattern UNFILLED_SLOT = Pattern.compile("\\{[a-zA-Z0-9]+\\}");

  private static byte[] generate(long seed, int count) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SupportConversationGenerator.write(out, seed, count);
    return out.toByteArray();
  }

  private static List<String> lines(byte[] output) {
    String text = new String(output, UTF_8);
    if (text.isEmpty()) {
      return List.of();
    }
    assertTrue(text.endsWith("\n"), "output ends with a line end");
    assertFalse(text.contains("\r"), "\\n line ends only");
    return List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }

  private static Map<String, Integer> occurrences(List<String> lines) {
    Map<String, Integer> occurrences = new TreeMap<>();
    lines.forEach(line -> occurrences.merge(line, 1, Integer::sum));
    return occurrences;
  }

  @Test
  void sameSeedGivesIdenticalBytes() throws IOException {
    assertArrayEquals(generate(7L, 120), generate(7L, 120));
    assertArrayEquals(generate(DEFAULT_SEED, DEFAULT_COUNT), generate(DEFAULT_SEED, DEFAULT_COUNT));
  }

  @Test
  void differentSeedGivesDifferentOutput() throws IOException {
    assertFalse(Arrays.equals(generate(DEFAULT_SEED, 50), generate(DEFAULT_SEED + 1, 50)));
  }

  @Test
  void writesCountLines() throws IOException {
    for (int count : new int[] {0, 1, 5, 16, 17, 40, DEFAULT_COUNT}) {
      assertEquals(count, lines(generate(3L, count)).size(), "lines for count " + count);
    }
  }

  @Test
  void everyLineIsAChatConversation() throws IOException {
    for (long seed : new long[] {DEFAULT_SEED, 1L, 42L}) {
      for (String line : lines(generate(seed, DEFAULT_COUNT))) {
        assertConversation(line);
      }
    }
  }

  private static void assertConversation(String line) throws IOException {
    JsonNode root = MAPPER.readTree(line);
    assertTrue(root.isObject(), line);
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertEquals(KEYS, keys, line);
    assertEquals("billing", root.get("task").asText());
    assertEquals("en", root.get("language").asText());
    assertTrue(root.get("intent").asText().matches("[a-z_]+"), line);
    assertTrue(OUTCOMES.contains(root.get("outcome").asText()), line);
    assertTrue(CHANNELS.contains(root.get("channel").asText()), line);

    JsonNode messages = root.get("messages");
    assertTrue(messages.isArray() && messages.size() >= 2, line);
    List<String> roles = new ArrayList<>();
    for (JsonNode message : messages) {
      assertEquals(List.of("role", "content"), fieldNames(message), line);
      String content = message.get("content").asText();
      assertFalse(content.isBlank(), line);
      assertFalse(UNFILLED_SLOT.matcher(content).find(), "unfilled slot in " + content);
      roles.add(message.get("role").asText());
    }
    List<String> turns = roles.get(0).equals("system") ? roles.subList(1, roles.size()) : roles;
    assertTrue(turns.size() >= 2 && turns.size() <= 6, "2 to 6 turns: " + line);
    for (int i = 0; i < turns.size(); i++) {
      assertEquals(i % 2 == 0 ? "user" : "assistant", turns.get(i), "alternating turns: " + line);
    }
    assertEquals("assistant", roles.get(roles.size() - 1), line);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void exactlyTheDocumentedNumberOfLinesOccurTwice() throws IOException {
    for (long seed : new long[] {DEFAULT_SEED, 5L}) {
      Map<String, Integer> occurrences = occurrences(lines(generate(seed, DEFAULT_COUNT)));
      long twice = occurrences.values().stream().filter(n -> n == 2).count();
      long more = occurrences.values().stream().filter(n -> n > 2).count();
      assertEquals(EXACT_DUPLICATES, twice, "lines occurring twice, seed " + seed);
      assertEquals(0, more, "lines occurring more than twice, seed " + seed);
    }
  }

  @Test
  void coversManyIntents() throws IOException {
    Set<String> intents = new TreeSet<>();
    for (String line : lines(generate(DEFAULT_SEED, DEFAULT_COUNT))) {
      intents.add(MAPPER.readTree(line).get("intent").asText());
    }
    assertTrue(intents.size() >= 12, "distinct intents: " + intents);
  }

  @Test
  void personalDataIsInventedOnly() throws IOException {
    String text = new String(generate(DEFAULT_SEED, DEFAULT_COUNT), UTF_8);
    Matcher email = EMAIL.matcher(text);
    int emails = 0;
    while (email.find()) {
      emails++;
      assertTrue(
          email.group(1).matches("example\\.(com|org|net)"),
          "non-example address " + email.group());
    }
    assertTrue(emails > 0, "some conversations carry e-mail addresses");
    Matcher phone = PHONE_LIKE.matcher(text.replace(TEST_CARD, ""));
    while (phone.find()) {
      assertTrue(
          phone.group().matches("555[-.]01\\d\\d"), "phone outside 555-01xx: " + phone.group());
    }
    // One conversation each for update_card and failed_payment, never repeated.
    assertEquals(2, text.split(TEST_CARD, -1).length - 1, "test card mentions");
  }

  @Test
  void committedSampleMatchesTheGenerator() throws IOException {
    assertTrue(Files.exists(COMMITTED_SAMPLE), COMMITTED_SAMPLE.toAbsolutePath() + " is missing");
    byte[] committed;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(COMMITTED_SAMPLE))) {
      committed = in.readAllBytes();
    }
    assertTrue(
        Arrays.equals(generate(DEFAULT_SEED, DEFAULT_COUNT), committed),
        COMMITTED_SAMPLE
            + " differs from SupportConversationGenerator's output for the default seed and"
            + " count; regenerate it with"
            + " ./sift generate --output=samples/logs/billing/billing-sessions.jsonl.gz");
  }
}
