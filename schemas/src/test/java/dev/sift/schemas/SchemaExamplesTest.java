package dev.sift.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each schema accepts its valid examples and rejects its invalid ones for the stated reason. The
 * examples of {@code x.schema.json} are in {@code SchemaExamplesTest/x.json}: {@code valid} and
 * {@code invalid} arrays of {@code {"case", "instance"}}, where an invalid case also names in
 * {@code expect} a text one of the errors must contain (usually the path of the bad value), so an
 * example cannot pass by failing for some other reason.
 */
class SchemaExamplesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MIN_INVALID_CASES = 3;

  /** The spec schema is exercised with whole YAML files by {@code spec.SpecSchemaTest}. */
  static List<String> schemaFilesWithExamples() {
    return SchemaFiles.all().stream().filter(file -> !file.equals("spec.schema.json")).toList();
  }

  @ParameterizedTest
  @MethodSource("schemaFilesWithExamples")
  void hasValidAndSeveralInvalidExamples(String schemaFile) {
    JsonNode examples = examples(schemaFile);
    assertFalse(examples.path("valid").isEmpty(), schemaFile + " has no valid example");
    assertTrue(
        examples.path("invalid").size() >= MIN_INVALID_CASES,
        schemaFile + " has fewer than " + MIN_INVALID_CASES + " invalid examples");
  }

  @TestFactory
  Stream<DynamicTest> validExamplesPass() {
    return schemaFilesWithExamples().stream()
        .flatMap(
            schemaFile ->
                cases(schemaFile, "valid")
                    .map(
                        example ->
                            dynamicTest(
                                schemaFile + " accepts " + name(example),
                                () ->
                                    JsonSchemas.assertValid(
                                        schemaFile, example.get("instance"), name(example)))));
  }

  @TestFactory
  Stream<DynamicTest> invalidExamplesFailForTheStatedReason() {
    return schemaFilesWithExamples().stream()
        .flatMap(
            schemaFile ->
                cases(schemaFile, "invalid")
                    .map(
                        example ->
                            dynamicTest(
                                schemaFile + " rejects " + name(example),
                                () -> assertRejected(schemaFile, example))));
  }

  private static void assertRejected(String schemaFile, JsonNode example) {
    JsonNode instance = example.get("instance");
    assertNotNull(instance, name(example) + " has no instance");
    String expected = example.path("expect").asText();
    assertFalse(expected.isEmpty(), name(example) + " does not say what error to expect");
    List<String> errors = JsonSchemas.errors(schemaFile, instance);
    assertTrue(
        errors.stream().anyMatch(error -> error.contains(expected)),
        () -> name(example) + ": expected an error mentioning " + expected + ", got " + errors);
  }

  @ParameterizedTest
  @MethodSource("schemaFilesWithExamples")
  void everyExampleHasADistinctName(String schemaFile) {
    List<String> names =
        Stream.concat(cases(schemaFile, "valid"), cases(schemaFile, "invalid"))
            .map(SchemaExamplesTest::name)
            .toList();
    assertEquals(names.size(), names.stream().distinct().count(), "duplicate names: " + names);
  }

  private static Stream<JsonNode> cases(String schemaFile, String kind) {
    return StreamSupport.stream(examples(schemaFile).path(kind).spliterator(), false);
  }

  private static String name(JsonNode example) {
    return example.path("case").asText();
  }

  private static JsonNode examples(String schemaFile) {
    String resource = "/SchemaExamplesTest/" + schemaFile.replace(".schema.json", ".json");
    try (InputStream in = SchemaExamplesTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, "no examples at " + resource);
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
