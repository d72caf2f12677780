package dev.sift.schemas;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks JSON against Sift's JSON Schemas in tests. Shared with the other modules through the
 * schemas test-jar ({@code dev.sift:sift-schemas:test-jar}, scope test).
 *
 * <p>Schemas are named by file, e.g. {@code "fine-tune-example.schema.json"}, and read from the
 * classpath folder {@code /json-schema/}. Their {@code $id}s start with {@value #ID_PREFIX}, which
 * is mapped to that folder, so cross-file {@code $ref}s resolve offline.
 */
public final class JsonSchemas {

  /** The common prefix of every Sift schema's {@code $id}. */
  public static final String ID_PREFIX = "https://sift.dev/schemas/";

  /** The classpath folder the schema files live in. */
  public static final String RESOURCE_FOLDER = "/json-schema/";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers -> mappers.mapPrefix(ID_PREFIX, "classpath:" + RESOURCE_FOLDER)));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
  private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

  private JsonSchemas() {}

  /**
   * The schema in {@code /json-schema/<schemaFile>}, loaded once, with every {@code $ref} resolved.
   *
   * @throws IllegalArgumentException if there is no such file on the classpath
   */
  public static JsonSchema schema(String schemaFile) {
    return CACHE.computeIfAbsent(schemaFile, JsonSchemas::load);
  }

  /**
   * Every way {@code instance} breaks the schema, as {@code $.path: problem} lines; empty if none.
   */
  public static List<String> errors(String schemaFile, JsonNode instance) {
    return schema(schemaFile).validate(instance).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .toList();
  }

  /**
   * Fails unless {@code instance} matches the schema.
   *
   * @param what names the instance in the failure, e.g. {@code "line 3 of train.jsonl"}
   * @throws AssertionError listing {@code what}, the schema and every error
   */
  public static void assertValid(String schemaFile, JsonNode instance, String what) {
    List<String> errors = errors(schemaFile, instance);
    if (!errors.isEmpty()) {
      throw new AssertionError(failure(what, schemaFile, errors));
    }
  }

  /**
   * Fails unless every line of the JSON Lines {@code file} is a JSON value matching the schema. A
   * blank line is an error too; a final line break is not.
   *
   * @return the number of lines checked, so callers can also assert how many records there are
   * @throws AssertionError listing every bad line by number, with its errors
   */
  public static int assertJsonLinesValid(String schemaFile, Path file) {
    List<String> lines = readLines(file);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String what = "line " + (i + 1) + " of " + file;
      List<String> errors = lineErrors(schemaFile, lines.get(i));
      if (!errors.isEmpty()) {
        failures.add(failure(what, schemaFile, errors));
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n", failures));
    }
    return lines.size();
  }

  private static JsonSchema load(String schemaFile) {
    if (JsonSchemas.class.getResource(RESOURCE_FOLDER + schemaFile) == null) {
      throw new IllegalArgumentException(
          "No schema " + RESOURCE_FOLDER + schemaFile + " on the classpath");
    }
    JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(ID_PREFIX + schemaFile), CONFIG);
    schema.initializeValidators();
    return schema;
  }

  private static List<String> lineErrors(String schemaFile, String line) {
    if (line.isBlank()) {
      return List.of("blank line");
    }
    JsonNode instance;
    try {
      instance = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return List.of("not JSON: " + e.getOriginalMessage());
    }
    return errors(schemaFile, instance);
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static String failure(String what, String schemaFile, List<String> errors) {
    return what + " does not match " + schemaFile + ":\n  " + String.join("\n  ", errors);
  }
}
