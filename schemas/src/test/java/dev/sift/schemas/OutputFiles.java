package dev.sift.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A run's output folder as data, for the tests of other modules that compare runs byte for byte
 * (published in this module's test jar).
 */
public final class OutputFiles {
  private OutputFiles() {}

  /** Every regular file under {@code root}, by its path relative to it, with its bytes. */
  public static Map<Path, byte[]> read(Path root) throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file), Files.readAllBytes(file));
      }
    }
    return files;
  }

  /** Deletes {@code root} with everything under it, if it exists, and creates it empty. */
  public static void recreate(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(root);
  }
}
