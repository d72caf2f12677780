package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileContextTest {

  @Test
  void theTaskIsTheFolderHoldingTheFile() {
    assertEquals("billing", FileContext.folderTask("/data/logs/billing/2026-03.jsonl.gz"));
    assertEquals("billing", FileContext.folderTask("gs://bucket/logs/billing/part-0.jsonl"));
  }

  @Test
  void aFileAtTheRootOfAFilesystemOrBucketHasTheDefaultTask() {
    assertEquals("default", FileContext.folderTask("/export.jsonl"));
    assertEquals("default", FileContext.folderTask("gs://bucket/export.jsonl"));
  }
}
