package dev.sift.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FINE_TUNE = "fine-tune-example.schema.json";

  @Test
  void errorsIsEmptyForAMatchingInstance() throws Exception {
    JsonNode example =
        MAPPER.readTree(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello!\"}]}");

    assertEquals(List.of(), JsonSchemas.errors(FINE_TUNE, example));
  }

  @Test
  void errorsNamesThePathOfEachProblem() throws Exception {
    JsonNode example =
        MAPPER.readTree("{\"messages\":[{\"role\":\"human\",\"content\":\"\"}],\"id\":1}");

    List<String> errors = JsonSchemas.errors(FINE_TUNE, example);

    assertTrue(
        errors.stream().anyMatch(e -> e.startsWith("$.messages[0].role:")), errors::toString);
    assertTrue(
        errors.stream().anyMatch(e -> e.startsWith("$.messages[0].content:")), errors::toString);
    assertTrue(errors.stream().anyMatch(e -> e.contains("'id'")), errors::toString);
  }

  @Test
  void crossFileReferencesResolveThroughTheClasspath() throws Exception {
    JsonNode filtered =
        MAPPER.readTree(
            "{\"id\":\"x\",\"task\":\"billing\",\"stage\":\"dedup\",\"reason\":\"not_selected\","
                + "\"detail\":\"\",\"source\":{\"file\":\"a.csv\",\"line\":2,\"record\":1,"
                + "\"format\":\"csv\"}}");

    List<String> errors = JsonSchemas.errors("filtered.schema.json", filtered);

    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).startsWith("$.id:"), errors::toString);
  }

  @Test
  void assertValidFailsNamingWhatAndEveryError() throws Exception {
    JsonNode noAssistant =
        MAPPER.readTree("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"x\":1}");

    AssertionError failure =
        assertThrows(
            AssertionError.class,
            () -> JsonSchemas.assertValid(FINE_TUNE, noAssistant, "line 3 of train.jsonl"));

    String message = failure.getMessage();
    assertTrue(message.startsWith("line 3 of train.jsonl does not match " + FINE_TUNE), message);
    assertTrue(message.contains("$.messages:"), message);
    assertTrue(message.contains("'x'"), message);
  }

  @Test
  void assertJsonLinesValidCountsTheLinesOfAValidFile() throws Exception {
    assertEquals(3, JsonSchemas.assertJsonLinesValid(FINE_TUNE, resource("train.jsonl")));
  }

  @Test
  void assertJsonLinesValidReportsEveryBadLineByNumber() throws Exception {
    Path file = resource("train-with-bad-lines.jsonl");

    AssertionError failure =
        assertThrows(AssertionError.class, () -> JsonSchemas.assertJsonLinesValid(FINE_TUNE, file));

    String message = failure.getMessage();
    assertTrue(message.contains("line 2 of " + file + " does not match"), message);
    assertTrue(
        message.contains("line 3 of " + file + " does not match " + FINE_TUNE + ":\n  blank line"),
        message);
    assertTrue(
        message.contains("line 4 of " + file + " does not match " + FINE_TUNE + ":\n  not JSON"),
        message);
    assertFalse(message.contains("line 1 of"), message);
    assertFalse(message.contains("line 5 of"), message);
  }

  @Test
  void schemaIsLoadedOnce() {
    assertSame(JsonSchemas.schema(FINE_TUNE), JsonSchemas.schema(FINE_TUNE));
  }

  @Test
  void anUnknownSchemaFileIsAnError() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> JsonSchemas.schema("no-such.schema.json"));

    assertTrue(error.getMessage().contains("/json-schema/no-such.schema.json"), error.getMessage());
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(JsonSchemasTest.class.getResource("/JsonSchemasTest/" + name).toURI());
  }
}
