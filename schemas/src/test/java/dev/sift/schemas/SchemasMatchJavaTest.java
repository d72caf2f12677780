package dev.sift.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sift.schemas.spec.AnonymizeSpec;
import dev.sift.schemas.spec.CsvSpec;
import dev.sift.schemas.spec.DedupSpec;
import dev.sift.schemas.spec.TranscriptSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The schemas agree with the Java side: reason codes with {@link Reason}, roles with {@link Role},
 * input conventions with the spec's defaults, and the records' properties with the output schemas.
 * These tests are what keeps the two from drifting apart.
 */
class SchemasMatchJavaTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SourceRef SOURCE =
      SourceRef.create("gs://acme/billing/a.jsonl", 3, 2, "openai");

  @Test
  void deadLetterReasonsAreTheDeadLetterReasonCodes() {
    assertEquals(
        codes(Reason.Kind.DEAD_LETTER), enumAt("dead-letter.schema.json", "/$defs/reason"));
  }

  @Test
  void theReportCountsTheSameReasonCodes() {
    assertEquals(
        codes(Reason.Kind.DEAD_LETTER),
        enumAt("quality-report.schema.json", "/$defs/byDeadLetterReason/propertyNames"));
    assertEquals(
        codes(Reason.Kind.FILTERED),
        enumAt("quality-report.schema.json", "/$defs/byFilterReason/propertyNames"));
  }

  @Test
  void filterReasonsAreTheFilterReasonCodes() {
    assertEquals(codes(Reason.Kind.FILTERED), enumAt("filtered.schema.json", "/$defs/reason"));
  }

  @Test
  void dedupSettingsAreTheDedupSpecCodes() {
    Map<String, List<String>> settings =
        Map.of(
            "scope", DedupSpec.codes(DedupSpec.Scope.class),
            "key", DedupSpec.codes(DedupSpec.Key.class),
            "verification", DedupSpec.codes(DedupSpec.Verification.class));
    settings.forEach(
        (key, codes) -> {
          assertEquals(
              codes,
              enumAt(
                  "quality-report.schema.json",
                  "/$defs/dedup/properties/settings/properties/" + key));
          List<String> orNull = new ArrayList<>(codes);
          orNull.add("null");
          assertEquals(orNull, enumAt("spec.schema.json", "/properties/dedup/properties/" + key));
        });
    assertEquals(
        DedupSpec.codes(DedupSpec.Mask.class),
        enumAt("spec.schema.json", "/properties/dedup/properties/mask/items"));
    assertEquals(
        DedupSpec.codes(DedupSpec.Mask.class),
        enumAt(
            "quality-report.schema.json",
            "/$defs/dedup/properties/settings/properties/mask/items"));
  }

  @Test
  void canonicalRolesAreTheRoleWireNames() {
    List<String> wireNames = Arrays.stream(Role.values()).map(Role::wireName).toList();
    assertEquals(wireNames, enumAt("conversation.schema.json", "/$defs/role"));
    assertEquals(wireNames, enumAt("spec.schema.json", "/$defs/role"));
  }

  @Test
  void entityTypesAndOperatorsAreTheJavaOnes() {
    assertEquals(
        Arrays.stream(EntityType.values()).map(EntityType::code).toList(),
        enumAt("spec.schema.json", "/$defs/entityType"));
    assertEquals(
        Arrays.stream(AnonymizeSpec.Operator.values()).map(AnonymizeSpec.Operator::code).toList(),
        enumAt("spec.schema.json", "/$defs/operator"));
  }

  @Test
  void transcriptPatternAcceptsEveryDefaultSpeakerInAnyCase() {
    for (String speaker : TranscriptSpec.DEFAULT_SPEAKERS.keySet()) {
      for (String spelled :
          List.of(speaker, speaker.toLowerCase(Locale.ROOT), speaker.toUpperCase(Locale.ROOT))) {
        JsonSchemas.assertValid(
            "input-transcript-block.schema.json",
            TextNode.valueOf("[09:30] " + spelled + " (Maria): hello"),
            "a block starting with " + spelled);
      }
    }
  }

  @Test
  void csvRowRequiresTheSpecsDefaultColumns() {
    CsvSpec csv = CsvSpec.standard();
    JsonNode schema = schemaFile("input-csv-row.schema.json");
    assertEquals(
        Set.of(csv.conversationIdColumn(), csv.roleColumn(), csv.textColumn()),
        strings(schema.get("required")));
    assertEquals(
        Set.of(
            csv.conversationIdColumn(),
            csv.orderColumn(),
            csv.roleColumn(),
            csv.textColumn(),
            csv.nameColumn()),
        fieldNames(schema.get("properties")));
  }

  @Test
  void conversationRecordMatchesConversationSchema() {
    Conversation conversation =
        Conversation.of(
            "billing",
            SOURCE,
            List.of(
                Message.of(Role.USER, "I was charged twice."),
                Message.create("assistant", "Refunded.", "Maria")),
            Map.of("intent", "refund"));
    JsonSchemas.assertValid("conversation.schema.json", toJson(conversation), "a Conversation");
  }

  @Test
  void deadLetterRecordMatchesDeadLetterSchema() {
    DeadLetter deadLetter =
        DeadLetter.create(
            SOURCE, "", "ingest", Reason.INVALID_JSON, "bad JSON", "{\"messages\": [", 5);
    JsonSchemas.assertValid("dead-letter.schema.json", toJson(deadLetter), "a DeadLetter");
  }

  @Test
  void filteredRecordMatchesFilteredSchema() {
    Conversation kept =
        Conversation.of("billing", SOURCE, List.of(Message.of(Role.ASSISTANT, "Hi")), Map.of());
    Filtered filtered = Filtered.of(kept, "dedup", Reason.EXACT_DUPLICATE, kept.getId());
    JsonSchemas.assertValid("filtered.schema.json", toJson(filtered), "a Filtered");
  }

  /**
   * The record as JSON, one key per AutoValue property named as the property ({@code id()} and
   * {@code getId()} both give {@code id}), nested records and collections included.
   */
  private static JsonNode toJson(Object value) {
    return MAPPER.valueToTree(plain(value));
  }

  private static Object plain(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(SchemasMatchJavaTest::plain).toList();
    }
    if (value == null || !value.getClass().getSimpleName().startsWith("AutoValue_")) {
      return value;
    }
    Map<String, Object> properties = new TreeMap<>();
    for (Method accessor : value.getClass().getSuperclass().getDeclaredMethods()) {
      if (isProperty(accessor)) {
        properties.put(propertyName(accessor), plain(invoke(accessor, value)));
      }
    }
    return properties;
  }

  private static boolean isProperty(Method method) {
    int modifiers = method.getModifiers();
    return Modifier.isAbstract(modifiers)
        && Modifier.isPublic(modifiers)
        && method.getParameterCount() == 0;
  }

  private static String propertyName(Method accessor) {
    String name = accessor.getName();
    for (String prefix : List.of("get", "is")) {
      if (name.length() > prefix.length()
          && name.startsWith(prefix)
          && Character.isUpperCase(name.charAt(prefix.length()))) {
        return Character.toLowerCase(name.charAt(prefix.length()))
            + name.substring(prefix.length() + 1);
      }
    }
    return name;
  }

  private static Object invoke(Method accessor, Object target) {
    try {
      return accessor.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> codes(Reason.Kind kind) {
    return Arrays.stream(Reason.values())
        .filter(reason -> reason.kind() == kind)
        .map(Reason::code)
        .toList();
  }

  private static List<String> enumAt(String schemaFile, String pointer) {
    JsonNode values = schemaFile(schemaFile).at(pointer).path("enum");
    assertTrue(values.isArray(), schemaFile + pointer + " has no enum");
    List<String> strings = new ArrayList<>();
    values.forEach(value -> strings.add(value.asText()));
    return strings;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> strings = new TreeSet<>();
    array.forEach(value -> strings.add(value.asText()));
    return strings;
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new TreeSet<>();
    StreamSupport.stream(((Iterable<String>) object::fieldNames).spliterator(), false)
        .forEach(names::add);
    return names;
  }

  private static JsonNode schemaFile(String schemaFile) {
    try (InputStream in =
        SchemasMatchJavaTest.class.getResourceAsStream(JsonSchemas.RESOURCE_FOLDER + schemaFile)) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
