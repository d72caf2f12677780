package dev.sift.transforms.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.transforms.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.util.ReleaseInfo;

/**
 * The {@value SafeOutput#SUCCESS} marker of a run: which pipeline ran with which versions, on which
 * inputs (every file matched, with its size) and which spec (its SHA-256), the record counts of the
 * report, and every output file with its size, lines and SHA-256. Only what the inputs decide goes
 * in, nothing of the moment or the machine (no time, runner or temporary path), so that two runs
 * over the same inputs write the same marker, byte for byte, like every other output file.
 */
public final class SuccessMarker {
  private static final String SIFT_VERSION = siftVersion();

  private SuccessMarker() {}

  /**
   * The marker of a run of {@code pipeline} over {@code patterns} with {@code spec} (null for the
   * defaults) and {@code format}, whose outputs are in {@code folder}.
   */
  public static String of(
      String pipeline, List<String> patterns, String spec, String format, String folder)
      throws IOException {
    ObjectNode marker = Json.object();
    marker.put("pipeline", pipeline);
    ObjectNode versions = marker.putObject("versions");
    versions.put("sift", SIFT_VERSION);
    versions.put("beam", ReleaseInfo.getReleaseInfo().getVersion());
    marker.set("inputs", inputs(patterns));
    ObjectNode specNode = marker.putObject("spec");
    specNode.put("file", spec);
    specNode.put("sha256", spec == null ? null : sha256(spec).hash());
    marker.put("format", format);
    JsonNode report = report(folder);
    if (report != null) {
      marker.set("counts", report.path("accounting"));
    }
    ArrayNode outputs = marker.putArray("outputs");
    for (String file : SafeOutput.relativeFiles(folder)) {
      Digest digest = sha256(OutputLayout.resolve(folder, file).toString());
      ObjectNode entry = outputs.addObject();
      entry.put("file", file);
      entry.put("bytes", digest.bytes());
      entry.put("lines", digest.lines());
      entry.put("sha256", digest.hash());
    }
    return Json.pretty(marker);
  }

  /** The patterns, sorted, and every file they match once, sorted, with its size. */
  private static ObjectNode inputs(List<String> patterns) throws IOException {
    ObjectNode inputs = Json.object();
    ArrayNode patternNodes = inputs.putArray("patterns");
    new TreeSet<>(patterns).forEach(patternNodes::add);
    TreeMap<String, Long> files = new TreeMap<>();
    for (MatchResult match : FileSystems.match(patterns, EmptyMatchTreatment.ALLOW)) {
      if (match.status() == MatchResult.Status.OK) {
        match.metadata().forEach(file -> files.put(file.resourceId().toString(), file.sizeBytes()));
      }
    }
    ArrayNode fileNodes = inputs.putArray("files");
    files.forEach((file, size) -> fileNodes.addObject().put("file", file).put("bytes", size));
    return inputs;
  }

  private static JsonNode report(String folder) throws IOException {
    MatchResult match =
        FileSystems.match(
                List.of(OutputLayout.resolve(folder, OutputLayout.REPORT).toString()),
                EmptyMatchTreatment.ALLOW)
            .get(0);
    if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
      return null;
    }
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(match.metadata().get(0).resourceId()))) {
      return Json.mapper().readTree(in);
    }
  }

  private record Digest(long bytes, long lines, String hash) {}

  private static Digest sha256(String file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    long bytes = 0;
    long lines = 0;
    try (InputStream in =
        new DigestInputStream(
            Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false))),
            sha)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          lines += buffer[i] == '\n' ? 1 : 0;
        }
      }
    }
    return new Digest(bytes, lines, HexFormat.of().formatHex(sha.digest()));
  }

  private static String siftVersion() {
    Properties properties = new Properties();
    try (InputStream in = SuccessMarker.class.getResourceAsStream("sift-version.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
