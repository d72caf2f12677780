package dev.sift.schemas.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sift.schemas.JsonSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * spec.schema.json and {@link SpecLoader} agree: every document under {@code SpecSchemaTest/valid}
 * passes both, every one under {@code SpecSchemaTest/invalid} fails both.
 */
class SpecSchemaTest {

  private static final String SCHEMA = "spec.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();

  static List<String> validSpecs() {
    return specs("valid");
  }

  static List<String> invalidSpecs() {
    return specs("invalid");
  }

  @ParameterizedTest
  @MethodSource("validSpecs")
  void validSpecMatchesTheSchema(String spec) {
    JsonSchemas.assertValid(SCHEMA, tree(spec), spec);
  }

  @ParameterizedTest
  @MethodSource("validSpecs")
  void validSpecIsLoaded(String spec) {
    assertDoesNotThrow(() -> load(spec));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void invalidSpecBreaksTheSchema(String spec) {
    assertFalse(JsonSchemas.errors(SCHEMA, tree(spec)).isEmpty(), spec + " passes the schema");
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void invalidSpecIsRejectedByTheLoader(String spec) {
    SpecException error = assertThrows(SpecException.class, () -> load(spec));
    assertTrue(
        error.getMessage().startsWith(fileName(spec)),
        () -> "message does not start with the file name: " + error.getMessage());
  }

  @Test
  void bothFoldersHoldEnoughDocuments() {
    assertTrue(validSpecs().size() >= 3, "valid: " + validSpecs());
    assertTrue(invalidSpecs().size() >= 10, "invalid: " + invalidSpecs());
  }

  @Test
  void fullYamlAndFullJsonSetEveryKey() {
    for (String name : List.of("full.yaml", "full.json")) {
      SiftSpec spec = load("valid/" + name);
      assertEquals("intent", spec.taskField(), name);
      assertEquals(new TaskSettings(100, 3, 0.05, "auto", 3000), spec.settingsFor("billing"), name);
      assertEquals(new TaskSettings(150, 4, 0.2, "both", 1500), spec.settingsFor("returns"), name);
      assertEquals(
          new EmitSpec("intent", 0.6, 8192, 4, 0.7, List.of("relevant", "consistent")),
          spec.emit(),
          name);
      assertEquals(65536, spec.ingest().maxRecordBytes(), name);
      assertEquals("ticket_id", spec.ingest().csv().conversationIdColumn(), name);
      assertEquals(
          new DedupSpec("all", "user_turns", 0.9, 3, 256, "signature", List.of("numbers"), false),
          spec.dedup(),
          name);
      assertEquals(
          new QualitySpec(
              "cl100k_base",
              List.of("en", "de"),
              List.of("fr"),
              List.of("intent", "outcome"),
              List.of("malformed_roles", "off_topic", "truncated"),
              0.1,
              12,
              1024,
              0.4,
              0.25,
              0.9,
              0.7),
          spec.quality(),
          name);
      assertEquals(
          List.of("refund", "invoice", "double charge"), spec.tasks().get("billing").keywords());
      assertEquals(1, spec.tasks().get("billing").examples().size(), name);
    }
  }

  private static SiftSpec load(String spec) {
    try (InputStream in = Files.newInputStream(path(spec))) {
      return SpecLoader.parse(in, fileName(spec));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(String spec) {
    try {
      return (spec.endsWith(".json") ? JSON : YAML).readTree(path(spec).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documents of a kind, as {@code kind/name}. */
  private static List<String> specs(String kind) {
    try (Stream<Path> files = Files.list(path(kind))) {
      return files.map(file -> kind + "/" + file.getFileName()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fileName(String spec) {
    return spec.substring(spec.indexOf('/') + 1);
  }

  private static Path path(String resource) {
    try {
      return Path.of(SpecSchemaTest.class.getResource("/SpecSchemaTest/" + resource).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
