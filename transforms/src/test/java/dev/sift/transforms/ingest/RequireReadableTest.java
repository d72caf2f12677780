package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs are checked before any work, with a message that names the pattern and the file. */
class RequireReadableTest {

  @Test
  void aGlobThatMatchesNothingIsNamed(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("chat.jsonl"), "{}\n");
    String typo = folder + "/*.jsnol";
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReadConversations.requireReadable(List.of(folder + "/*.jsonl", typo)));
    assertEquals("--input=" + typo + " matches no file", error.getMessage());
  }

  @Test
  void aFolderIsNamedWithTheGlobThatReadsItsFiles(@TempDir Path folder) {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReadConversations.requireReadable(List.of(folder.toString())));
    assertTrue(error.getMessage().contains("/** for its files"), error.getMessage());
  }

  /**
   * A file that opens but cannot be read. Permissions do not stop root, who runs CI here, so the
   * test reads {@code /proc/self/mem}, whose first page is never mapped: reading it fails for
   * everyone with an I/O error.
   */
  @Test
  void aFileThatCannotBeReadIsNamed() {
    Path unreadable = Path.of("/proc/self/mem");
    assumeTrue(Files.exists(unreadable), "needs Linux's /proc");
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReadConversations.requireReadable(List.of(unreadable.toString())));
    assertTrue(
        error.getMessage().startsWith("--input=/proc/self/mem: cannot read /proc/self/mem ("),
        error.getMessage());
  }

  @Test
  void readableFilesPass(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("chat.jsonl"), "{}\n");
    Files.writeString(folder.resolve("empty.txt"), "");
    ReadConversations.requireReadable(List.of(folder + "/*"));
  }
}
