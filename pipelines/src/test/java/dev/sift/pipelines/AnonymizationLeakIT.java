package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end leak test: the curate pipeline runs on inputs of every format seeded with canary
 * values of every entity type, some of them in records that are dead-lettered, and not one canary
 * may appear in any file under the output folder, reports and dead letters included.
 */
class AnonymizationLeakIT {
  private static final Path INPUTS = Path.of("src/test/resources/AnonymizationLeakIT/logs");

  /** Each canary as written in the inputs, and in other spellings where it has them. */
  private static final List<String> CANARIES =
      List.of(
          "canary", // every e-mail, token, password and URL credential below holds this word
          "Oluwaseun",
          "Adeyemi",
          "Priyanka",
          "Raghunathan",
          "northwind-mail",
          "7946 0321",
          "2079460321",
          "555-0143",
          "5550143",
          "4539 1488 0343 6467",
          "4539-1488-0343-6467",
          "4539148803436467",
          "DE89 3704 0044 0532 0130 00",
          "DE89370400440532013000",
          "219-09-9999",
          "219099999",
          "172.16.254.19",
          "1428 Elmwood",
          "07/11/1983");

  @Test
  void noCanaryReachesAnyOutputFile(@TempDir Path out) throws IOException {
    PipelineOptionsFactory.register(CurateOptions.class);
    CuratePipeline.run(
        PipelineOptionsFactory.fromArgs(
                "--input=" + INPUTS.toAbsolutePath() + "/**", "--output=" + out)
            .withValidation()
            .as(CurateOptions.class));

    List<String> leaks = new ArrayList<>();
    List<Path> files = files(out);
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      for (String canary : CANARIES) {
        if (text.contains(canary.toLowerCase(Locale.ROOT))) {
          leaks.add(out.relativize(file) + " holds " + canary);
        }
      }
    }
    assertEquals(List.of(), leaks);

    JsonNode report = CuratePipelineTest.report(out);
    assertTrue(report.get("accounting").get("deadLettered").asLong() >= 2, report.toString());
    JsonNode replaced = report.get("anonymization").get("replaced");
    for (String type :
        List.of(
            "email",
            "phone",
            "credit_card",
            "iban",
            "ip_address",
            "us_ssn",
            "secret",
            "url",
            "person",
            "street_address",
            "date_of_birth")) {
      assertTrue(replaced.path(type).asLong() > 0, type + " in " + replaced);
    }
    assertTrue(files.size() >= 4, files.toString());
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
