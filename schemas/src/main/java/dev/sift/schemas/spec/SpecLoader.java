package dev.sift.schemas.spec;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sift.schemas.EntityType;
import dev.sift.schemas.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Reads a {@link SiftSpec} from JSON or YAML (by extension) through Beam's FileSystems, strictly:
 * an unknown key, a wrong type or an out-of-range value fails at start with a message naming the
 * file, the key and, where the parser knows it, the line.
 */
public final class SpecLoader {

  private static final ObjectMapper YAML = strict(YAMLMapper.builder());
  private static final ObjectMapper JSON = strict(JsonMapper.builder());

  private SpecLoader() {}

  public static SiftSpec load(String path) {
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      return parse(in, path);
    } catch (IOException e) {
      throw new SpecException("Cannot read spec file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Parses and validates; {@code name} is the file name used in messages. */
  public static SiftSpec parse(InputStream in, String name) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new SpecException("Cannot read spec file " + name + ": " + e.getMessage(), e);
    }
    ObjectMapper mapper = mapperFor(name);
    if (isEmpty(mapper, bytes)) {
      return SiftSpec.standard();
    }
    SiftSpec spec;
    try {
      spec = mapper.readValue(bytes, SiftSpec.class);
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      throw new SpecException(
          String.format(
              "%s%s: unknown key '%s'; known keys there: %s",
              name, keyLine(mapper, bytes, e), path(e), known),
          e);
    } catch (MismatchedInputException e) {
      throw new SpecException(
          String.format(
              "%s%s: key '%s' has the wrong type: expected %s",
              name, line(e), path(e), expected(e)),
          e);
    } catch (JsonProcessingException e) {
      throw new SpecException(
          name + line(e) + ": not valid " + syntax(name) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      // The bytes are in memory: only their encoding can fail (UTF-16/32 guessed wrongly).
      throw new SpecException(name + ": not valid " + syntax(name) + ": " + e.getMessage(), e);
    }
    validate(spec, name);
    return spec;
  }

  /** A document with no content (empty, only comments, or {@code null}) asks for the defaults. */
  private static boolean isEmpty(ObjectMapper mapper, byte[] bytes) {
    try {
      JsonNode root = mapper.readTree(bytes);
      return root == null || root.isMissingNode() || root.isNull();
    } catch (IOException e) {
      return false; // A syntax error: reported with its line by the real read.
    }
  }

  private static ObjectMapper mapperFor(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
  }

  private static ObjectMapper strict(MapperBuilder<?, ?> builder) {
    return builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        // Without the next two settings, 2.5 is read as the integer 2, and 5 or true as a string.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        // A null map value (`billing:` with nothing under it) is a wrong type, not an NPE.
        .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
        .build();
  }

  private static void validate(SiftSpec spec, String name) {
    checkDefaults(
        name,
        "defaults",
        spec.defaults().fineTuneMinExamples(),
        spec.defaults().fewShotK(),
        spec.defaults().validationFraction(),
        spec.defaults().output(),
        spec.defaults().fewShotTokenBudget());
    spec.tasks()
        .forEach(
            (task, own) ->
                checkDefaults(
                    name,
                    "tasks." + task,
                    own.fineTuneMinExamples(),
                    own.fewShotK(),
                    own.validationFraction(),
                    own.output(),
                    own.fewShotTokenBudget()));
    checkEmit(name, spec.emit());
    IngestSpec ingest = spec.ingest();
    check(
        ingest.maxRecordBytes() >= 64,
        name,
        "ingest.maxRecordBytes",
        "must be at least 64",
        ingest.maxRecordBytes());
    check(
        ingest.deadLetterRawChars() >= 1,
        name,
        "ingest.deadLetterRawChars",
        "must be at least 1",
        ingest.deadLetterRawChars());
    checkRoles(name, "ingest.roles", ingest.roles());
    checkRoles(name, "ingest.transcript.speakers", ingest.transcript().speakers());
    check(
        !ingest.transcript().speakers().isEmpty(),
        name,
        "ingest.transcript.speakers",
        "must name at least one speaker",
        "{}");
    check(
        !ingest.transcript().delimiter().isBlank(),
        name,
        "ingest.transcript.delimiter",
        "must not be blank",
        "''");
    check(
        ingest.csv().delimiter().length() == 1,
        name,
        "ingest.csv.delimiter",
        "must be one character",
        ingest.csv().delimiter());
    checkAnonymize(name, spec.anonymize());
    checkDedup(name, spec.dedup());
    checkQuality(name, spec.quality());
  }

  private static void checkAnonymize(String name, AnonymizeSpec anonymize) {
    String operators = "must be one of placeholder, pseudonym, surrogate";
    check(
        AnonymizeSpec.Operator.fromCode(anonymize.operator()).isPresent(),
        name,
        "anonymize.operator",
        operators,
        anonymize.operator());
    anonymize
        .operators()
        .forEach(
            (type, operator) -> {
              check(
                  EntityType.fromCode(type).isPresent(),
                  name,
                  "anonymize.operators." + type,
                  "is not an entity type; known: "
                      + Arrays.stream(EntityType.values())
                          .map(EntityType::code)
                          .collect(Collectors.joining(", ")),
                  type);
              check(
                  AnonymizeSpec.Operator.fromCode(operator).isPresent(),
                  name,
                  "anonymize.operators." + type,
                  operators,
                  operator);
            });
    Set<String> regions = Set.of(Locale.getISOCountries());
    for (String region : anonymize.phoneRegions()) {
      check(
          regions.contains(region),
          name,
          "anonymize.phoneRegions",
          "must hold ISO 3166 region codes such as US or GB",
          region);
    }
  }

  private static void checkDedup(String name, DedupSpec dedup) {
    checkCode(name, "dedup.scope", dedup.scope(), DedupSpec.Scope.class);
    checkCode(name, "dedup.key", dedup.key(), DedupSpec.Key.class);
    checkCode(name, "dedup.verification", dedup.verification(), DedupSpec.Verification.class);
    for (int i = 0; i < dedup.mask().size(); i++) {
      checkCode(name, "dedup.mask[" + i + "]", dedup.mask().get(i), DedupSpec.Mask.class);
    }
    check(
        dedup.threshold() >= 0.5 && dedup.threshold() <= 1,
        name,
        "dedup.threshold",
        "must be between 0.5 and 1",
        dedup.threshold());
    check(
        dedup.shingleSize() >= 1 && dedup.shingleSize() <= 16,
        name,
        "dedup.shingleSize",
        "must be between 1 and 16",
        dedup.shingleSize());
    check(
        dedup.numPerm() >= 16 && dedup.numPerm() <= 1024,
        name,
        "dedup.numPerm",
        "must be between 16 and 1024",
        dedup.numPerm());
  }

  private static void checkQuality(String name, QualitySpec quality) {
    check(
        QualitySpec.ENCODINGS.contains(quality.encoding()),
        name,
        "quality.encoding",
        "must be one of " + String.join(", ", QualitySpec.ENCODINGS),
        quality.encoding());
    check(
        !quality.languages().isEmpty(),
        name,
        "quality.languages",
        "must name at least one language",
        "[]");
    Set<String> isoLanguages = Set.of(Locale.getISOLanguages());
    for (String key : List.of("languages", "otherLanguages")) {
      List<String> codes = key.equals("languages") ? quality.languages() : quality.otherLanguages();
      for (String code : codes) {
        check(
            isoLanguages.contains(code),
            name,
            "quality." + key,
            "must hold ISO 639-1 language codes such as en or de",
            code);
      }
    }
    for (String reason : quality.filter()) {
      check(
          QualitySpec.REASONS.contains(reason),
          name,
          "quality.filter",
          "must hold quality reason codes: " + String.join(", ", QualitySpec.REASONS),
          reason);
    }
    checkFraction(name, "quality.minRelevance", quality.minRelevance());
    checkFraction(name, "quality.minScore", quality.minScore());
    checkFraction(name, "quality.conflictSimilarity", quality.conflictSimilarity());
    checkFraction(name, "quality.pass", quality.pass());
    checkFraction(name, "quality.warn", quality.warn());
    checkFraction(name, "quality.minSemanticRelevance", quality.minSemanticRelevance());
    check(
        QualitySpec.SEMANTIC_MODES.contains(quality.semantic()),
        name,
        "quality.semantic",
        "must be one of " + String.join(", ", QualitySpec.SEMANTIC_MODES),
        quality.semantic());
    check(
        quality.semanticMaxConversations() >= 0,
        name,
        "quality.semanticMaxConversations",
        "must not be negative",
        quality.semanticMaxConversations());
    check(
        quality.warn() <= quality.pass(),
        name,
        "quality.warn",
        "must not exceed quality.pass (" + quality.pass() + ")",
        quality.warn());
    check(
        quality.minTokens() >= 0,
        name,
        "quality.minTokens",
        "must not be negative",
        quality.minTokens());
    check(
        quality.longMessageTokens() >= 1,
        name,
        "quality.longMessageTokens",
        "must be at least 1",
        quality.longMessageTokens());
  }

  private static void checkFraction(String name, String key, double value) {
    check(value >= 0 && value <= 1, name, key, "must be between 0 and 1", value);
  }

  private static <E extends Enum<E>> void checkCode(
      String name, String key, String code, Class<E> type) {
    List<String> codes = DedupSpec.codes(type);
    check(codes.contains(code), name, key, "must be one of " + String.join(", ", codes), code);
  }

  private static void checkEmit(String name, EmitSpec emit) {
    if (emit.stratifyBy() != null) {
      check(!emit.stratifyBy().isBlank(), name, "emit.stratifyBy", "must not be blank", "''");
    }
    if (emit.labelCap() != null) {
      check(
          emit.labelCap() > 0 && emit.labelCap() <= 1,
          name,
          "emit.labelCap",
          "must be above 0 and at most 1",
          emit.labelCap());
    }
    check(
        emit.maxExampleTokens() >= 1,
        name,
        "emit.maxExampleTokens",
        "must be at least 1",
        emit.maxExampleTokens());
    check(emit.epochs() >= 1, name, "emit.epochs", "must be at least 1", emit.epochs());
    check(
        emit.leakThreshold() > 0 && emit.leakThreshold() <= 1,
        name,
        "emit.leakThreshold",
        "must be above 0 and at most 1",
        emit.leakThreshold());
    for (String criterion : emit.blockingCriteria()) {
      check(
          EmitSpec.CRITERIA.contains(criterion),
          name,
          "emit.blockingCriteria",
          "must name criteria among " + String.join(", ", EmitSpec.CRITERIA),
          criterion);
    }
  }

  private static void checkDefaults(
      String name,
      String prefix,
      Integer minExamples,
      Integer k,
      Double validationFraction,
      String output,
      Integer tokenBudget) {
    if (output != null) {
      check(
          TaskSettings.OUTPUTS.contains(output),
          name,
          prefix + ".output",
          "must be one of " + String.join(", ", TaskSettings.OUTPUTS),
          output);
    }
    if (tokenBudget != null) {
      check(
          tokenBudget >= 1,
          name,
          prefix + ".fewShotTokenBudget",
          "must be at least 1",
          tokenBudget);
    }
    if (minExamples != null) {
      check(
          minExamples >= 1,
          name,
          prefix + ".fineTuneMinExamples",
          "must be at least 1",
          minExamples);
    }
    if (k != null) {
      check(k >= 1, name, prefix + ".fewShotK", "must be at least 1", k);
    }
    if (validationFraction != null) {
      check(
          validationFraction > 0 && validationFraction < 1,
          name,
          prefix + ".validationFraction",
          "must be between 0 and 1 (exclusive)",
          validationFraction);
    }
  }

  private static void checkRoles(String name, String key, Map<String, String> roles) {
    roles.forEach(
        (alias, role) ->
            check(
                Role.fromWireName(role).isPresent(),
                name,
                key + "." + alias,
                "must be one of system, user, assistant, tool",
                role));
  }

  private static void check(boolean ok, String name, String key, String rule, Object value) {
    if (!ok) {
      throw new SpecException(String.format("%s: key '%s' %s, got %s", name, key, rule, value));
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String expected(MismatchedInputException e) {
    Class<?> type = e.getTargetType();
    if (type == null) {
      return "another type";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return type == Double.class || type == double.class ? "a number" : "an integer";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping of keys to values";
    }
    return type.getSimpleName();
  }

  /**
   * The line of an unknown key. Records bind through their constructor, so Jackson reports an
   * unknown key only once the enclosing object has been read, at that object's end; this finds the
   * key itself.
   */
  private static String keyLine(ObjectMapper mapper, byte[] spec, JsonMappingException e) {
    JsonPointer key = JsonPointer.empty();
    for (JsonMappingException.Reference ref : e.getPath()) {
      key =
          ref.getFieldName() != null
              ? key.appendProperty(ref.getFieldName())
              : key.appendIndex(ref.getIndex());
    }
    try (JsonParser parser = mapper.createParser(spec)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME
            && parser.getParsingContext().pathAsPointer().equals(key)) {
          return ":" + parser.getTokenLocation().getLineNr();
        }
      }
    } catch (IOException unreadable) {
      // Cannot happen: the same bytes were just read. Fall back to the exception's location.
    }
    return line(e);
  }

  private static String line(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr();
  }

  private static String syntax(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") ? "YAML" : "JSON";
  }
}
