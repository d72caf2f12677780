package dev.sift.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.JsonSchemas;
import dev.sift.transforms.json.Json;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class WorstCaseReportTest {
  private static final String SCHEMA = "quality-report.schema.json";

  private static final JsonNode REPORT = new WorstCaseReport(10_000, 3, 1).build();

  @Test
  void isAReportTheSchemaAccepts() {
    JsonSchemas.assertValid(SCHEMA, REPORT, "the worst-case report");
  }

  @Test
  void fillsEveryCappedListToTheSchemasCap() throws IOException {
    JsonNode schema;
    try (InputStream in = getClass().getResourceAsStream(JsonSchemas.RESOURCE_FOLDER + SCHEMA)) {
      schema = Json.mapper().readTree(in);
    }
    JsonNode taskQuality = schema.at("/$defs/taskQuality/properties");
    JsonNode quality = REPORT.at("/quality/byTask/" + WorstCaseReport.name(0));
    assertEquals(
        taskQuality.at("/offTopic/maxItems").asInt(), quality.path("offTopic").size(), "offTopic");
    assertEquals(
        taskQuality.at("/conflicts/maxItems").asInt(),
        quality.path("conflicts").size(),
        "conflicts");
    JsonNode distributions = taskQuality.at("/distributions/properties");
    assertEquals(
        distributions.at("/turns/maxItems").asInt(),
        quality.at("/distributions/turns").size(),
        "turn bins");
    assertEquals(
        distributions.at("/tokens/maxItems").asInt(),
        quality.at("/distributions/tokens").size(),
        "token bins");
    assertEquals(
        schema.at("/$defs/dedup/properties/largestClusters/maxItems").asInt(),
        REPORT.at("/dedup/largestClusters").size(),
        "largest clusters");
    JsonNode chosen = schema.at("/$defs/task/properties/fewShot/properties/chosen");
    JsonNode examples = REPORT.at("/tasks/0/fewShot/chosen");
    assertEquals(chosen.path("maxItems").asInt(), examples.size(), "chosen examples");
    assertEquals(
        chosen.at("/items/properties/messages/maxItems").asInt(),
        examples.get(0).path("messages").size(),
        "turns of a chosen example");
  }
}
