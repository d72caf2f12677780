package dev.sift.transforms.ingest;

import dev.sift.schemas.spec.CsvSpec;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the reader of a file from its name and its first few kilobytes (after decompression): the
 * extension decides when it is a known one, the content otherwise; a forced {@code --format}
 * overrides both. A {@code .json} file whose first line is a whole JSON object is read as JSON
 * Lines, since many exports name JSONL files {@code .json}.
 */
final class FormatSniffer {
  private FormatSniffer() {}

  /** The reader for the file, or empty when nothing supported is recognised. */
  static Optional<FormatReader> readerFor(String file, String head, FileContext context) {
    return switch (context.forcedFormat()) {
      case OPENAI, SHAREGPT ->
          Optional.of(isJsonLinesName(baseName(file)) ? new JsonLinesReader() : jsonReader(head));
      case TRANSCRIPT -> Optional.of(new TranscriptReader());
      case CSV -> Optional.of(new CsvTurnReader());
      case AUTO -> detect(baseName(file), head, context);
    };
  }

  private static Optional<FormatReader> detect(String name, String head, FileContext context) {
    if (isJsonLinesName(name)) {
      return Optional.of(new JsonLinesReader());
    }
    switch (extension(name)) {
      case "json" -> {
        return Optional.of(jsonReader(head));
      }
      case "csv" -> {
        return Optional.of(new CsvTurnReader());
      }
      case "txt", "text", "log", "transcript" -> {
        return Optional.of(new TranscriptReader());
      }
      default -> {
        return detectContent(head, context);
      }
    }
  }

  private static Optional<FormatReader> detectContent(String head, FileContext context) {
    CsvSpec csv = context.ingest().csv();
    String text = head.stripLeading();
    if (text.startsWith("[") || text.startsWith("{")) {
      return Optional.of(jsonReader(head));
    }
    String firstLine = text.lines().findFirst().orElse("");
    if (firstLine.contains(csv.conversationIdColumn())
        && firstLine.contains(csv.roleColumn())
        && firstLine.contains(csv.textColumn())
        && firstLine.contains(csv.delimiter())) {
      return Optional.of(new CsvTurnReader());
    }
    TranscriptParser transcripts = new TranscriptParser(context.ingest().transcript().speakers());
    if (text.lines().anyMatch(transcripts::startsTurn)) {
      return Optional.of(new TranscriptReader());
    }
    return Optional.empty();
  }

  /**
   * JSON Lines when the text starts with an object that ends on its first line (or a first line
   * longer than the sniffed head), else a JSON document.
   */
  private static FormatReader jsonReader(String head) {
    String text = head.stripLeading();
    if (!text.startsWith("{")) {
      return new JsonDocumentReader();
    }
    int newline = text.indexOf('\n');
    if (newline < 0) {
      return new JsonLinesReader();
    }
    try {
      JsonRecords.MAPPER.readTree(text.substring(0, newline));
      return new JsonLinesReader();
    } catch (IOException e) {
      return new JsonDocumentReader();
    }
  }

  private static boolean isJsonLinesName(String name) {
    return extension(name).equals("jsonl") || extension(name).equals("ndjson");
  }

  private static String extension(String name) {
    return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
  }

  /** The file name without folders and without a compression suffix, lower-case. */
  static String baseName(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".gz", ".gzip"}) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }
}
