package dev.sift.schemas.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes {@link SpecLoader}: whatever a spec file holds (random bytes, a valid spec cut anywhere,
 * known and unknown keys with values of every type, deep nesting, huge numbers, NUL, byte-order
 * marks, CRLF), it gives a spec or a {@link SpecException} that names the file, and nothing else.
 */
class SpecLoaderFuzzTest {
  private static final Path SAMPLE = Path.of("../samples/spec.yaml");

  private static final List<String> KEYS =
      List.of(
          "taskField",
          "defaults",
          "tasks",
          "ingest",
          "anonymize",
          "fineTuneMinExamples",
          "fewShotK",
          "validationFraction",
          "description",
          "maxRecordBytes",
          "deadLetterRawChars",
          "roles",
          "transcript",
          "csv",
          "delimiter",
          "speakers",
          "operator",
          "operators",
          "seed",
          "phoneRegions",
          "allow",
          "billing",
          "email",
          "unknownKey",
          "",
          "a b",
          "\u00e9");

  @Property(tries = 10_000)
  void randomBytesGiveASpecOrAnErrorNamingTheFile(
      @ForAll("randomBytes") byte[] bytes, @ForAll("names") String name) {
    assertSpecOrNamedError(bytes, name);
  }

  @Property(tries = 10_000)
  void anyTreeOfKeysAndValuesGivesASpecOrAnErrorNamingTheFile(
      @ForAll("trees") String tree, @ForAll("names") String name) {
    assertSpecOrNamedError(tree.getBytes(StandardCharsets.UTF_8), name);
  }

  @Example
  void theSampleSpecCutAtEveryOffsetGivesASpecOrAnErrorNamingTheFile() throws IOException {
    byte[] sample = Files.readAllBytes(SAMPLE);
    for (int cut = 0; cut <= sample.length; cut++) {
      assertSpecOrNamedError(Arrays.copyOf(sample, cut), "spec.yaml");
    }
  }

  /** SnakeYAML scans deep flow nesting in quadratic time: 3,000 levels take 0.1 s, so once. */
  @Example
  void nestingThousandsDeepGivesAnErrorNamingTheFile() {
    for (String name : List.of("spec.yaml", "spec.json")) {
      assertSpecOrNamedError(
          ("{\"tasks\":" + "[".repeat(3_000)).getBytes(StandardCharsets.UTF_8), name);
    }
  }

  private static void assertSpecOrNamedError(byte[] bytes, String name) {
    try {
      SpecLoader.parse(new ByteArrayInputStream(bytes), name);
    } catch (SpecException e) {
      assertTrue(e.getMessage().startsWith(name), "the error names the file: " + e.getMessage());
    }
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of("spec.yaml", "spec.yml", "spec.json");
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(2_048),
        Arbitraries.strings()
            .withChars("{}[]:,-#&*!|>'\"%@` \n\r\t\u0000\uFEFFabcde0123456789.")
            .ofMaxLength(300)
            .map(text -> text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Spec-shaped documents, as JSON (which YAML also reads) or YAML block style. */
  @Provide
  Arbitrary<String> trees() {
    return Arbitraries.randomValue(
        random -> random.nextBoolean() ? json(random, 4) : yaml(random, 0, 4));
  }

  private static String json(Random random, int depth) {
    if (depth == 0 || random.nextInt(3) == 0) {
      return scalar(random, true);
    }
    List<String> items = new ArrayList<>();
    boolean object = random.nextInt(4) != 0;
    for (int i = random.nextInt(5); i > 0; i--) {
      String value = json(random, depth - 1);
      items.add(object ? quote(KEYS.get(random.nextInt(KEYS.size()))) + ":" + value : value);
    }
    return object ? "{" + String.join(",", items) + "}" : "[" + String.join(",", items) + "]";
  }

  private static String yaml(Random random, int indent, int depth) {
    StringBuilder text = new StringBuilder();
    String pad = " ".repeat(indent);
    String newline = random.nextInt(4) == 0 ? "\r\n" : "\n";
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      String key = KEYS.get(random.nextInt(KEYS.size()));
      if (depth > 0 && random.nextBoolean()) {
        text.append(pad).append(key).append(':').append(newline);
        text.append(yaml(random, indent + 2, depth - 1));
      } else {
        text.append(pad).append(key).append(": ").append(scalar(random, false)).append(newline);
      }
    }
    return text.toString();
  }

  private static String scalar(Random random, boolean json) {
    return switch (random.nextInt(12)) {
      case 0 -> String.valueOf(random.nextInt(400) - 100);
      case 1 -> String.valueOf(random.nextDouble() * 2 - 0.5);
      case 2 -> "9".repeat(1 + random.nextInt(2_000));
      case 3 -> "1e999999";
      case 4 -> "[".repeat(1 + random.nextInt(200));
      case 5 -> json ? "null" : "~";
      case 6 -> "true";
      case 7 -> quote("\u0000\r\n\uFEFF\u202e" + "x".repeat(random.nextInt(50)));
      case 8 ->
          quote(
              List.of("surrogate", "placeholder", "pseudonym", "user", "assistant", "US")
                  .get(random.nextInt(6)));
      case 9 -> json ? "[\"US\",\"ZZ\",null]" : "[US, GB, 12]";
      case 10 -> json ? "{}" : "{a: 1, b: [2]}";
      default -> json ? "\"&anchor *alias\"" : "&a [*a, *a]";
    };
  }

  private static String quote(String text) {
    return "\""
        + text.replace("\\", "\\\\")
            .replace("\"", "\\\"")
            .replace("\u0000", "\\u0000")
            .replace("\r", "\\r")
            .replace("\n", "\\n")
        + "\"";
  }
}
