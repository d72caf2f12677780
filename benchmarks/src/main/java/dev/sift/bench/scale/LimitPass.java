package dev.sift.bench.scale;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.schemas.Fingerprint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The machine's limit for an input: one tight pass on one thread that reads every file (gunzipping
 * it), parses every OpenAI JSON Lines record with Jackson and hashes its messages with the
 * fingerprint Sift uses. No pipeline can do less with the same input; the scale bench compares its
 * runs with this time.
 */
final class LimitPass {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What the pass read, and how long it took. */
  record Result(long records, long bytes, double seconds, long checksum) {}

  private LimitPass() {}

  static Result run(Path logs) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(logs)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    long started = System.nanoTime();
    long records = 0;
    long bytes = 0;
    long checksum = 0;
    for (Path file : files) {
      try (InputStream raw = Files.newInputStream(file);
          BufferedReader reader =
              new BufferedReader(
                  new InputStreamReader(
                      file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw,
                      UTF_8),
                  1 << 16)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          bytes += line.length() + 1;
          records++;
          checksum += hash(line);
        }
      }
    }
    return new Result(records, bytes, (System.nanoTime() - started) / 1e9, checksum);
  }

  private static long hash(String line) {
    JsonNode record;
    try {
      record = MAPPER.readTree(line);
    } catch (JsonProcessingException malformed) {
      return 0; // A cut-off record: counted, not hashed.
    }
    Fingerprint fingerprint = Fingerprint.of(record.path("task").asText());
    for (JsonNode message : record.path("messages")) {
      fingerprint.add(message.path("role").asText()).add(message.path("content").asText());
    }
    return fingerprint.asLong();
  }
}
