package dev.sift.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The schema files this module ships, for tests that check each of them. */
final class SchemaFiles {

  private SchemaFiles() {}

  /** The names of every {@code *.schema.json} in the module's {@code json-schema} folder. */
  static List<String> all() {
    try (Stream<Path> files = Files.list(folder())) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".schema.json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path folder() {
    try {
      return Path.of(
              SchemaFiles.class
                  .getResource(JsonSchemas.RESOURCE_FOLDER + "conversation.schema.json")
                  .toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
