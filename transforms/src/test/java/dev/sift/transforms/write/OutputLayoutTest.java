package dev.sift.transforms.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
}
