package dev.sift.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every schema file is a well-formed, documented draft 2020-12 schema. */
class SchemaFilesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema META_SCHEMA =
      JsonSchemaFactory.getInstance(VersionFlag.V202012)
          .getSchema(SchemaLocation.of(SchemaId.V202012));

  /** Keywords whose values are data, not subschemas, so their keys are not property names. */
  private static final Set<String> DATA_KEYWORDS = Set.of("enum", "const", "default", "examples");

  static List<String> schemaFiles() {
    return SchemaFiles.all();
  }

  @Test
  void theFolderHoldsExactlyTheExpectedSchemas() {
    assertEquals(
        List.of(
            "conversation.schema.json",
            "dead-letter.schema.json",
            "few-shot-bundle.schema.json",
            "filtered.schema.json",
            "fine-tune-example.schema.json",
            "input-csv-row.schema.json",
            "input-openai-chat.schema.json",
            "input-sharegpt-file.schema.json",
            "input-sharegpt.schema.json",
            "input-transcript-block.schema.json",
            "quality-report.schema.json",
            "spec.schema.json"),
        SchemaFiles.all());
  }

  @ParameterizedTest
  @MethodSource("schemaFiles")
  void isValidAgainstTheDraft202012MetaSchema(String file) throws IOException {
    Set<ValidationMessage> errors = META_SCHEMA.validate(read(file));
    assertTrue(errors.isEmpty(), () -> file + " breaks the 2020-12 meta-schema: " + errors);
  }

  @ParameterizedTest
  @MethodSource("schemaFiles")
  void loadsWithEveryReferenceResolved(String file) {
    assertNotNull(JsonSchemas.schema(file));
  }

  @ParameterizedTest
  @MethodSource("schemaFiles")
  void declaresDraftIdTitleAndDescription(String file) throws IOException {
    JsonNode schema = read(file);
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
    assertEquals(JsonSchemas.ID_PREFIX + file, schema.path("$id").asText());
    assertFalse(schema.path("title").asText().isBlank(), file + " has no title");
    assertFalse(schema.path("description").asText().isBlank(), file + " has no description");
  }

  @ParameterizedTest
  @MethodSource("schemaFiles")
  void describesEveryProperty(String file) throws IOException {
    List<String> undescribed = new ArrayList<>();
    collectUndescribedProperties(read(file), "", undescribed);
    assertEquals(List.of(), undescribed, file + ": properties without a description");
  }

  private static void collectUndescribedProperties(
      JsonNode schema, String pointer, List<String> undescribed) {
    if (schema.isArray()) {
      for (int i = 0; i < schema.size(); i++) {
        collectUndescribedProperties(schema.get(i), pointer + "/" + i, undescribed);
      }
      return;
    }
    for (Map.Entry<String, JsonNode> keyword : iterable(schema)) {
      String at = pointer + "/" + keyword.getKey();
      if (keyword.getKey().equals("properties")) {
        for (Map.Entry<String, JsonNode> property : iterable(keyword.getValue())) {
          if (property.getValue().path("description").asText().isBlank()) {
            undescribed.add(at + "/" + property.getKey());
          }
        }
      }
      if (!DATA_KEYWORDS.contains(keyword.getKey())) {
        collectUndescribedProperties(keyword.getValue(), at, undescribed);
      }
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  private static JsonNode read(String file) throws IOException {
    try (InputStream in = SchemaFilesTest.class.getResourceAsStream("/json-schema/" + file)) {
      return MAPPER.readTree(in);
    }
  }
}
