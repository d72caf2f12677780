package dev.sift.transforms.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteSortedFilesTest {
  private static final KvCoder<String, Iterable<String>> PARTS =
      KvCoder.of(StringUtf8Coder.of(), IterableCoder.of(StringUtf8Coder.of()));

  @Test
  void writesEachFileSortedWhateverTheArrivalOrder(TestPipeline pipeline, @TempDir Path out)
      throws IOException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      ids.add(Fingerprint.of(Integer.toString(i)).hex128());
    }
    List<KV<String, KV<String, String>>> entries = new ArrayList<>();
    for (String id : ids) {
      entries.add(KV.of("tasks/t/train.jsonl", KV.of(id, "{\"id\":\"" + id + "\"}")));
    }
    entries.add(KV.of("report/r.json", KV.of("", "{}")));
    entries.add(KV.of("dead/d.jsonl", KV.of("same", "b")));
    entries.add(KV.of("dead/d.jsonl", KV.of("same", "a")));
    Collections.shuffle(entries, new Random(7));

    PCollection<String> written =
        pipeline.apply(Create.of(entries)).apply(WriteSortedFiles.to(out.toString()));
    PAssert.that(written)
        .containsInAnyOrder("tasks/t/train.jsonl", "report/r.json", "dead/d.jsonl");
    pipeline.run().waitUntilFinish();

    List<String> sorted =
        ids.stream().sorted().map(id -> "{\"id\":\"" + id + "\"}").collect(Collectors.toList());
    assertEquals(sorted, Files.readAllLines(out.resolve("tasks/t/train.jsonl")));
    assertEquals("{}\n", Files.readString(out.resolve("report/r.json")));
    assertEquals(
        "a\nb\n", Files.readString(out.resolve("dead/d.jsonl")), "ties are broken by text");
    try (Stream<Path> files = Files.walk(out)) {
      assertFalse(
          files.anyMatch(
              file -> file.toString().contains(".part-") || file.toString().endsWith(".tmp")));
    }
  }

  /**
   * A retried concatenation (a worker lost after it wrote the file, its bundle run again) finds the
   * parts already deleted, or some of them, and the file in place: it succeeds and leaves the file
   * as it was.
   */
  @Test
  void concatenatingAgainAfterThePartsWereDeletedKeepsTheFile(
      TestPipeline pipeline, @TempDir Path out) throws IOException {
    Files.createDirectories(out.resolve("dead"));
    Files.writeString(out.resolve("dead/d.jsonl.part-0061"), "a\n");
    Files.writeString(out.resolve("dead/d.jsonl.part-0062"), "b\n");
    KV<String, Iterable<String>> parts =
        KV.of("dead/d.jsonl", List.of("dead/d.jsonl.part-0061", "dead/d.jsonl.part-0062"));

    PCollection<String> first =
        pipeline
            .apply("Parts", Create.of(parts).withCoder(PARTS))
            .apply(
                "Concatenate", ParDo.of(new WriteSortedFiles.ConcatenatePartsFn(out.toString())));
    PCollection<String> retried =
        first
            .apply(
                "SameParts", MapElements.into(PARTS.getEncodedTypeDescriptor()).via(file -> parts))
            .setCoder(PARTS)
            .apply(
                "ConcatenateAgain",
                ParDo.of(new WriteSortedFiles.ConcatenatePartsFn(out.toString())));
    PAssert.that(retried).containsInAnyOrder("dead/d.jsonl");
    pipeline.run().waitUntilFinish();

    assertEquals("a\nb\n", Files.readString(out.resolve("dead/d.jsonl")));
    assertFalse(Files.exists(out.resolve("dead/d.jsonl.part-0061")));
  }

  @Test
  void partsMissingWithNoFileWrittenFail(TestPipeline pipeline, @TempDir Path out) {
    pipeline
        .apply(
            Create.of(KV.of("dead/d.jsonl", (Iterable<String>) List.of("dead/d.jsonl.part-0061")))
                .withCoder(PARTS))
        .apply(ParDo.of(new WriteSortedFiles.ConcatenatePartsFn(out.toString())));
    Exception failure = assertThrows(Exception.class, () -> pipeline.run().waitUntilFinish());
    assertTrue(String.valueOf(failure.getMessage()).contains("are missing"), failure.toString());
  }
}
