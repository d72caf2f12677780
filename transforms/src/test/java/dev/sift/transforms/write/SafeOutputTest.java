package dev.sift.transforms.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeOutputTest {

  @Test
  void writesBesideTheOutputAndPutsTheFolderInPlaceWithItsMarkerOnCommit(@TempDir Path root)
      throws IOException {
    Path out = root.resolve("out");
    SafeOutput output = SafeOutput.prepare(out.toString(), false);
    Path staging = Path.of(output.staging());
    assertEquals(root, staging.getParent(), "the staging folder is beside --output");
    assertTrue(staging.getFileName().toString().startsWith(".out.sift-staging-"));
    write(staging.resolve("report/quality-report.json"), "{}\n");
    assertFalse(Files.exists(out), "nothing in --output before the commit");

    output.commit("{\"done\":true}\n");

    assertEquals("{}\n", Files.readString(out.resolve("report/quality-report.json")));
    assertEquals("{\"done\":true}\n", Files.readString(out.resolve(SafeOutput.SUCCESS)));
    assertEquals(List.of(out), list(root), "the staging folder is gone");
  }

  @Test
  void anAbortedRunLeavesTheOutputAsItWas(@TempDir Path root) throws IOException {
    Path out = root.resolve("out");
    write(out.resolve("report/quality-report.json"), "old\n");
    SafeOutput output = SafeOutput.prepare(out.toString(), true);
    write(Path.of(output.staging()).resolve("report/quality-report.json"), "new, half written");

    output.abort();

    assertEquals("old\n", Files.readString(out.resolve("report/quality-report.json")));
    assertEquals(List.of(out), list(root));
  }

  @Test
  void anAbortWaitsOutAWriterThatWasStillFinishingABundle(@TempDir Path root) throws Exception {
    Path out = root.resolve("out");
    SafeOutput output = SafeOutput.prepare(out.toString(), false);
    Path late = Path.of(output.staging()).resolve("tasks/billing/train.jsonl");
    Thread writer =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
                write(late, "written after the run failed\n");
              } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();

    output.abort();
    writer.join();

    assertEquals(List.of(), list(root), "the late write was deleted too");
  }

  @Test
  void anExistingOutputIsRefusedWithoutOverwriteAndReplacedWithIt(@TempDir Path root)
      throws IOException {
    Path out = root.resolve("out");
    write(out.resolve("tasks/old/train.jsonl"), "old\n");
    write(out.resolve(SafeOutput.SUCCESS), "{}\n");

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> SafeOutput.prepare(out.toString(), false));
    assertTrue(refused.getMessage().contains("pass --overwrite"), refused.getMessage());
    assertEquals(List.of(out), list(root), "a refused run creates nothing");

    SafeOutput output = SafeOutput.prepare(out.toString(), true);
    write(Path.of(output.staging()).resolve("tasks/new/train.jsonl"), "new\n");
    output.commit("{}\n");
    assertFalse(Files.exists(out.resolve("tasks/old")), "the old output is replaced whole");
    assertEquals("new\n", Files.readString(out.resolve("tasks/new/train.jsonl")));
    assertEquals(List.of(out), list(root), "neither staging nor the replaced folder is left");
  }

  @Test
  void aFolderWithFilesARunDoesNotWriteIsRefusedEvenWithOverwrite(@TempDir Path root)
      throws IOException {
    write(root.resolve("home/notes.txt"), "mine");
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> SafeOutput.prepare(root.resolve("home").toString(), true));
    assertTrue(refused.getMessage().contains("notes.txt"), refused.getMessage());
  }

  @Test
  void anEmptyFolderIsUsed(@TempDir Path out) throws IOException {
    SafeOutput output = SafeOutput.prepare(out.toString(), false);
    write(Path.of(output.staging()).resolve("report/quality-report.json"), "{}\n");
    output.commit("{}\n");
    assertTrue(Files.exists(out.resolve("report/quality-report.json")));
  }

  @Test
  void anOutputThatCannotBeWrittenIsNamedBeforeAnyWork(@TempDir Path root) throws IOException {
    Path file = root.resolve("a-file");
    Files.writeString(file, "not a folder");
    IllegalArgumentException underAFile =
        assertThrows(
            IllegalArgumentException.class,
            () -> SafeOutput.prepare(file.resolve("out").toString(), false));
    assertTrue(underAFile.getMessage().contains("cannot be written"), underAFile.getMessage());
    IllegalArgumentException isAFile =
        assertThrows(
            IllegalArgumentException.class, () -> SafeOutput.prepare(file.toString(), true));
    assertTrue(isAFile.getMessage().contains("is a file"), isAFile.getMessage());
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    }
  }
}
