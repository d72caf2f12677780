package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sift.schemas.JsonSchemas;
import dev.sift.transforms.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The good samples are what their input formats' JSON Schemas describe. */
class SamplesMatchSchemasTest {
  private static final Path LOGS = CuratePipelineTest.SAMPLES.resolve("logs");

  @Test
  void billingLinesAreOpenAiChat() throws IOException {
    try (InputStream in =
        new GZIPInputStream(
            Files.newInputStream(LOGS.resolve("billing/billing-sessions.jsonl.gz")))) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        JsonSchemas.assertValid(
            "input-openai-chat.schema.json",
            Json.mapper().readTree(lines[i]),
            "billing line " + (i + 1));
      }
      assertEquals(260, lines.length);
    }
  }

  @Test
  void shareGptFilesAreShareGpt() throws IOException {
    JsonSchemas.assertValid(
        "input-sharegpt-file.schema.json",
        Json.mapper().readTree(LOGS.resolve("shipping/shipping-chats.json").toFile()),
        "shipping-chats.json");
    assertEquals(
        4,
        JsonSchemas.assertJsonLinesValid(
            "input-sharegpt.schema.json", LOGS.resolve("onboarding/onboarding.sharegpt.jsonl")));
  }

  @Test
  void transcriptBlocksStartWithASpeaker() throws IOException {
    String[] blocks =
        Files.readString(LOGS.resolve("accounts/account-transcripts.txt")).split("(?m)^---$");
    for (String block : blocks) {
      JsonSchemas.assertValid(
          "input-transcript-block.schema.json",
          TextNode.valueOf(block.strip()),
          "transcript block");
    }
    assertEquals(6, blocks.length);
  }

  @Test
  void csvRowsAreTurns() throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    int rows = 0;
    try (Reader reader = Files.newBufferedReader(LOGS.resolve("exports/helpdesk-turns.csv"));
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      for (CSVRecord record : parser) {
        ObjectNode row = Json.object();
        record.toMap().forEach(row::put);
        JsonSchemas.assertValid(
            "input-csv-row.schema.json", row, "CSV row " + record.getRecordNumber());
        rows++;
      }
    }
    assertEquals(17, rows);
  }
}
