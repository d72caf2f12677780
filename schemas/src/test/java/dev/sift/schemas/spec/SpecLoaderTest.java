package dev.sift.schemas.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.EntityType;
import dev.sift.schemas.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {

  @Test
  void anEmptyOrCommentOnlySpecMeansTheDefaults() {
    assertEquals(SiftSpec.standard(), parse("spec.yaml", ""));
    assertEquals(SiftSpec.standard(), parse("spec.yaml", "# nothing to override yet\n"));
    assertEquals(SiftSpec.standard(), parse("spec.json", "  "));
  }

  @Test
  void unknownKeyNamesTheFileTheLineAndTheDottedKey() {
    String message =
        failure(
            "spec.yaml",
            """
            defaults:
              fewShotK: 2
            tasks:
              billing:
                description: Refunds
                fineTuneMin: 100
                fewShotK: 3
            """);

    assertEquals(
        "spec.yaml:6: unknown key 'tasks.billing.fineTuneMin';"
            + " known keys there: description, examples, fewShotK, fewShotTokenBudget, fineTuneMinExamples, keywords, output, validationFraction",
        message);
  }

  @Test
  void unknownKeyInJsonNamesItsLine() {
    String message =
        failure(
            "spec.json",
            """
            {
              "ingest": {
                "csv": {
                  "idColumn": "ticket_id",
                  "delimiter": ";"
                }
              }
            }
            """);

    assertTrue(message.startsWith("spec.json:4: unknown key 'ingest.csv.idColumn'"), message);
  }

  @Test
  void unknownTopLevelKeyListsTheTopLevelKeys() {
    String message = failure("spec.yaml", "defaults: {}\ntaskfield: intent\n");

    assertEquals(
        "spec.yaml:2: unknown key 'taskfield'; known keys there: anonymize, dedup, defaults, emit, ingest, quality, taskField, tasks",
        message);
  }

  @Test
  void anUnknownDedupSettingListsTheKnownOnes() {
    assertEquals(
        "spec.yaml: key 'dedup.mask[1]' must be one of numbers, names, got emails",
        failure("spec.yaml", "dedup:\n  mask: [numbers, emails]\n"));
    assertEquals(
        "spec.yaml: key 'dedup.scope' must be one of task, all, got tasks",
        failure("spec.yaml", "dedup:\n  scope: tasks\n"));
  }

  @Test
  void readsTheSemanticModeEvenWhereYamlWouldMakeItABoolean() {
    assertEquals("off", parse("spec.yaml", "quality:\n  semantic: off\n").quality().semantic());
    assertEquals("on", parse("spec.yaml", "quality:\n  semantic: on\n").quality().semantic());
    QualitySpec quality =
        parse(
                "spec.yaml",
                "quality:\n  semantic: auto\n  semanticMaxConversations: 10\n"
                    + "  minSemanticRelevance: 0.2\n")
            .quality();
    assertEquals("auto", quality.semantic());
    assertEquals(10, quality.semanticMaxConversations());
    assertEquals(0.2, quality.minSemanticRelevance());
    assertEquals(
        "spec.yaml: key 'quality.semantic' must be one of auto, on, off, got sometimes",
        failure("spec.yaml", "quality:\n  semantic: sometimes\n"));
    assertEquals(
        "spec.yaml: key 'quality.semanticMaxConversations' must not be negative, got -1",
        failure("spec.yaml", "quality:\n  semanticMaxConversations: -1\n"));
  }

  @Test
  void wordForAnIntegerNamesTheKeyAndTheExpectedType() {
    assertEquals(
        "spec.yaml:2: key 'defaults.fewShotK' has the wrong type: expected an integer",
        failure("spec.yaml", "defaults:\n  fewShotK: five\n"));
  }

  @Test
  void fractionForAnIntegerIsAWrongTypeNotRoundedDown() {
    assertEquals(
        "spec.yaml:3: key 'tasks.billing.fewShotK' has the wrong type: expected an integer",
        failure("spec.yaml", "tasks:\n  billing:\n    fewShotK: 2.5\n"));
  }

  @Test
  void wordForANumberNamesTheExpectedType() {
    assertEquals(
        "spec.yaml:2: key 'defaults.validationFraction' has the wrong type: expected a number",
        failure("spec.yaml", "defaults:\n  validationFraction: a tenth\n"));
  }

  @Test
  void numberOrBooleanForAStringIsAWrongTypeNotConverted() {
    assertEquals(
        "spec.yaml:1: key 'taskField' has the wrong type: expected a string",
        failure("spec.yaml", "taskField: 42\n"));
    assertEquals(
        "spec.yaml:3: key 'ingest.csv.textColumn' has the wrong type: expected a string",
        failure("spec.yaml", "ingest:\n  csv:\n    textColumn: true\n"));
  }

  @Test
  void scalarForASectionExpectsAMapping() {
    assertEquals(
        "spec.yaml:1: key 'ingest' has the wrong type: expected a mapping of keys to values",
        failure("spec.yaml", "ingest: csv\n"));
  }

  @Test
  void taskWithNothingUnderItIsAWrongTypeNotACrash() {
    assertEquals(
        "spec.yaml:2: key 'tasks.billing' has the wrong type: expected a mapping of keys to values",
        failure("spec.yaml", "tasks:\n  billing:\n"));
  }

  @Test
  void roleAliasWithoutARoleIsAWrongType() {
    assertEquals(
        "spec.yaml:3: key 'ingest.roles.operator' has the wrong type: expected a string",
        failure("spec.yaml", "ingest:\n  roles:\n    operator:\n"));
  }

  @Test
  void outOfRangeThresholdNamesTheKeyTheRuleAndTheValue() {
    assertEquals(
        "spec.yaml: key 'tasks.billing.fewShotK' must be at least 1, got 0",
        failure("spec.yaml", "tasks:\n  billing:\n    fewShotK: 0\n"));
    assertEquals(
        "spec.yaml: key 'defaults.validationFraction' must be between 0 and 1 (exclusive), got 1.0",
        failure("spec.yaml", "defaults:\n  validationFraction: 1\n"));
    assertEquals(
        "spec.yaml: key 'defaults.fineTuneMinExamples' must be at least 1, got -3",
        failure("spec.yaml", "defaults:\n  fineTuneMinExamples: -3\n"));
  }

  @Test
  void outOfRangeIngestSettingNamesTheKey() {
    assertEquals(
        "spec.yaml: key 'ingest.maxRecordBytes' must be at least 64, got 63",
        failure("spec.yaml", "ingest:\n  maxRecordBytes: 63\n"));
    assertEquals(
        "spec.yaml: key 'ingest.deadLetterRawChars' must be at least 1, got 0",
        failure("spec.yaml", "ingest:\n  deadLetterRawChars: 0\n"));
    assertEquals(
        "spec.yaml: key 'ingest.csv.delimiter' must be one character, got ;;",
        failure("spec.yaml", "ingest:\n  csv:\n    delimiter: ';;'\n"));
  }

  @Test
  void roleThatIsNotCanonicalNamesTheAlias() {
    assertEquals(
        "spec.yaml: key 'ingest.transcript.speakers.Agent' must be one of system, user, assistant,"
            + " tool, got staff",
        failure("spec.yaml", "ingest:\n  transcript:\n    speakers:\n      Agent: staff\n"));
  }

  @Test
  void anonymizeOperatorsEntityTypesAndRegionsAreChecked() {
    assertEquals(
        "spec.yaml: key 'anonymize.operator' must be one of placeholder, pseudonym, surrogate,"
            + " got mask",
        failure("spec.yaml", "anonymize:\n  operator: mask\n"));
    assertTrue(
        failure("spec.yaml", "anonymize:\n  operators:\n    name: placeholder\n")
            .startsWith(
                "spec.yaml: key 'anonymize.operators.name' is not an entity type; known: email,"
                    + " phone,"));
    assertEquals(
        "spec.yaml: key 'anonymize.operators.person' must be one of placeholder, pseudonym,"
            + " surrogate, got redact",
        failure("spec.yaml", "anonymize:\n  operators:\n    person: redact\n"));
    assertEquals(
        "spec.yaml: key 'anonymize.phoneRegions' must hold ISO 3166 region codes such as US or GB,"
            + " got XX",
        failure("spec.yaml", "anonymize:\n  phoneRegions: [us, XX]\n"));
  }

  @Test
  void anonymizeOperatorsOverrideTheDefaultOperator() {
    AnonymizeSpec anonymize =
        parse("spec.yaml", "anonymize:\n  operators:\n    secret: placeholder\n").anonymize();

    assertEquals(AnonymizeSpec.Operator.PLACEHOLDER, anonymize.operatorFor(EntityType.SECRET));
    assertEquals(AnonymizeSpec.Operator.SURROGATE, anonymize.operatorFor(EntityType.EMAIL));
    assertEquals(AnonymizeSpec.DEFAULT_PHONE_REGIONS, anonymize.phoneRegions());
  }

  @Test
  void transcriptNeedsSpeakersAndADelimiter() {
    assertEquals(
        "spec.yaml: key 'ingest.transcript.speakers' must name at least one speaker, got {}",
        failure("spec.yaml", "ingest:\n  transcript:\n    speakers: {}\n"));
    assertEquals(
        "spec.yaml: key 'ingest.transcript.delimiter' must not be blank, got ''",
        failure("spec.yaml", "ingest:\n  transcript:\n    delimiter: ' '\n"));
  }

  @Test
  void brokenSyntaxNamesTheFileTheFormatAndTheLine() {
    String message = failure("spec.yaml", "taskField: intent\ndefaults:\n\tfewShotK: 3\n");

    // Jackson places a YAML scanner error at the last token read (line 2); SnakeYAML's own text
    // names the offending line.
    assertTrue(message.startsWith("spec.yaml:2: not valid YAML: "), message);
    assertTrue(message.contains("line 3, column 1"), message);
  }

  @Test
  void duplicateKeyIsRejected() {
    String message = failure("spec.json", "{\"taskField\": \"a\", \"taskField\": \"b\"}");

    assertTrue(
        message.startsWith("spec.json:1: not valid JSON: Duplicate field 'taskField'"), message);
  }

  @Test
  void emptyMappingAndNullDocumentAreTheStandardSpec() {
    assertEquals(SiftSpec.standard(), parse("spec.json", "{}"));
    assertEquals(SiftSpec.standard(), parse("spec.yaml", "~\n"));
  }

  @Test
  void keyWithNothingUnderItTakesItsDefault() {
    SiftSpec spec = parse("spec.yaml", "taskField:\ningest:\n  csv:\n");

    assertEquals(SiftSpec.standard(), spec);
  }

  @Test
  void taskOverridesFallBackToTheDefaults() {
    SiftSpec spec =
        parse(
            "spec.yml",
            "defaults:\n  fewShotK: 8\ntasks:\n  billing:\n    validationFraction: 0.5\n");

    assertEquals(new TaskSettings(200, 8, 0.5, "auto", 2000), spec.settingsFor("billing"));
    assertEquals(new TaskSettings(200, 8, 0.1, "auto", 2000), spec.settingsFor("shipping"));
  }

  @Test
  void roleAliasesAddToTheDefaults() {
    SiftSpec spec = parse("spec.yaml", "ingest:\n  roles:\n    Operator: assistant\n");

    assertEquals(Role.ASSISTANT, spec.ingest().roleAliases().get("operator"));
    assertEquals(Role.USER, spec.ingest().roleAliases().get("human"));
  }

  @Test
  void qualityWarnAbovePassIsRejected() {
    String message = failure("spec.yaml", "quality:\n  pass: 0.7\n  warn: 0.75\n");

    assertEquals(
        "spec.yaml: key 'quality.warn' must not exceed quality.pass (0.7), got 0.75", message);
  }

  @Test
  void qualityLanguagesMustBeIsoCodes() {
    String message = failure("spec.yaml", "quality:\n  otherLanguages: [xx]\n");

    assertTrue(message.contains("'quality.otherLanguages' must hold ISO 639-1"), message);
  }

  @Test
  void qualityFilterNamesQualityReasonsOnly() {
    String message = failure("spec.yaml", "quality:\n  filter: [exact_duplicate]\n");

    assertTrue(message.startsWith("spec.yaml: key 'quality.filter' must hold"), message);
  }

  @Test
  void loadReadsAFileByPath(@TempDir Path folder) throws IOException {
    Path file = Files.writeString(folder.resolve("sift.yaml"), "defaults:\n  fewShotK: 7\n");

    assertEquals(7, SpecLoader.load(file.toString()).defaults().fewShotK());
  }

  @Test
  void loadOfAMissingFileNamesIt(@TempDir Path folder) {
    String missing = folder.resolve("missing.yaml").toString();

    SpecException error = assertThrows(SpecException.class, () -> SpecLoader.load(missing));

    assertTrue(
        error.getMessage().startsWith("Cannot read spec file " + missing), error.getMessage());
  }

  private static SiftSpec parse(String name, String document) {
    return SpecLoader.parse(
        new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), name);
  }

  private static String failure(String name, String document) {
    return assertThrows(SpecException.class, () -> parse(name, document)).getMessage();
  }
}
