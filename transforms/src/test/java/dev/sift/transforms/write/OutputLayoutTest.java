package dev.sift.transforms.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLayoutTest {

  @Test
  void aPlainTaskNameIsItsOwnFolder() {
    assertEquals("tech-support", OutputLayout.taskDirectory("tech-support"));
    assertEquals("tasks/billing/train.jsonl", OutputLayout.taskFile("billing", OutputLayout.TRAIN));
  }

  @Test
  void otherNamesAreCleanedAndHashedSoTheyNeverCollide() {
    String folder = OutputLayout.taskDirectory("Auto template 14b / menu");
    assertTrue(folder.matches("Auto-template-14b-menu-[0-9a-f]{8}"), folder);
    assertNotEquals(OutputLayout.taskDirectory("a/b"), OutputLayout.taskDirectory("a b"));
    assertTrue(OutputLayout.taskDirectory("..").matches("[0-9a-f]{8}"));
  }

  @Test
  void clearsOnlyTheFoldersARunOwns(@TempDir Path out) throws IOException {
    Path stale = Files.createDirectories(out.resolve("tasks/old")).resolve("train.jsonl");
    Files.writeString(stale, "{}\n");
    Path report = Files.createDirectories(out.resolve("report")).resolve("quality-report.json");
    Files.writeString(report, "{}\n");
    Path mine = out.resolve("notes.txt");
    Files.writeString(mine, "keep me");

    OutputLayout.clearPrevious(out.toString());

    assertFalse(Files.exists(stale));
    assertFalse(Files.exists(report));
    assertTrue(Files.exists(mine));
  }
}
