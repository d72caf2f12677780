package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.JsonSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anonymize pipeline alone, {@code run(options)} on the leak test's inputs. */
class AnonymizePipelineIT {
  private static final Path INPUTS = Path.of("src/test/resources/AnonymizationLeakIT/logs");

  @Test
  void writesEveryConversationAnonymisedInTheCanonicalSchema(@TempDir Path out) throws IOException {
    PipelineOptionsFactory.register(AnonymizeOptions.class);
    AnonymizePipeline.run(
        PipelineOptionsFactory.fromArgs(
                "--input=" + INPUTS.toAbsolutePath() + "/**",
                "--output=" + out,
                "--spec=" + write(out.resolveSibling(out.getFileName() + "-spec.yaml")))
            .withValidation()
            .as(AnonymizeOptions.class));

    Path support = out.resolve("anonymized/support/conversations.jsonl");
    assertEquals(5, JsonSchemas.assertJsonLinesValid("conversation.schema.json", support));
    String text = Files.readString(support);
    assertTrue(text.contains("[EMAIL]"), text);
    assertTrue(text.contains("[PERSON_1]"), text);
    assertFalse(text.contains("northwind-mail"), text);
    assertEquals(
        3,
        JsonSchemas.assertJsonLinesValid(
            "conversation.schema.json", out.resolve("anonymized/helpdesk/conversations.jsonl")));
    assertTrue(Files.exists(out.resolve("dead-letter/dead-letters.jsonl")));
  }

  private static Path write(Path spec) throws IOException {
    return Files.writeString(
        spec, "anonymize:\n  operator: placeholder\n  operators:\n    person: pseudonym\n");
  }
}
