package dev.sift.transforms.ingest;

import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.StageOutputs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of hostile files of every format, gzipped or not, some cut short, read by the pipeline:
 * it makes as many conversations and dead letters as reading each file on its own says, so the
 * pipeline loses nothing between files, readers and the grouping of CSV rows.
 */
@ExtendWith(TestPipelineExtension.class)
class MixedFolderTest {
  private static final int FILES = 60;

  @Test
  void everyRecordOfAMixedFolderComesOutOfThePipeline(TestPipeline pipeline, @TempDir Path folder)
      throws IOException {
    SiftSpec spec = SiftSpec.standard();
    HostileInputs inputs = HostileInputs.seeded(20261123L);
    long expected = 0;
    for (int i = 0; i < FILES; i++) {
      InputFileReaderFuzzTest.InputFile file = InputFileReaderFuzzTest.file(inputs);
      Path path = folder.resolve(i + "-" + file.name());
      Files.write(path, file.bytes());
      expected += recordsOf(path, file.bytes(), spec);
    }

    PCollectionTuple read =
        pipeline.apply(ReadConversations.from(List.of(folder + "/*"), spec, InputFormat.AUTO));
    PAssert.thatSingleton(
            PCollectionList.of(
                    read.get(StageOutputs.CONVERSATIONS)
                        .apply(
                            "ConversationPlaces",
                            MapElements.into(TypeDescriptors.strings()).via(c -> c.getId())))
                .and(
                    read.get(StageOutputs.DEAD_LETTERS)
                        .apply(
                            "DeadLetterPlaces",
                            MapElements.into(TypeDescriptors.strings()).via(d -> d.getReason())))
                .apply(Flatten.pCollections())
                .apply(Count.globally()))
        .isEqualTo(expected);
    pipeline.run().waitUntilFinish();
  }

  /**
   * Records of one file read alone: conversations, dead letters, CSV conversations (rows grouped by
   * id), and one dead letter for an unreadable rest.
   */
  private static long recordsOf(Path path, byte[] bytes, SiftSpec spec) {
    FileContext context =
        FileContext.of(path.toString(), spec.ingest(), spec.taskField(), InputFormat.AUTO);
    RecordingSink sink = new RecordingSink(spec.ingest().maxRecordBytes());
    long rest = 0;
    try {
      InputFileReader.read(path.toString(), new ByteArrayInputStream(bytes), context, sink);
    } catch (IOException e) {
      rest = 1;
    }
    Set<String> csvConversations = new HashSet<>();
    sink.csvTurns.forEach(turn -> csvConversations.add(turn.getConversationId()));
    return sink.records() + csvConversations.size() + rest;
  }
}
