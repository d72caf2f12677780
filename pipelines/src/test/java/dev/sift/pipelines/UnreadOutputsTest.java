package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.SpecLoader;
import dev.sift.transforms.ingest.InputFormat;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The unread outputs of multi-output steps, found and given a consumer. */
@ExtendWith(TestPipelineExtension.class)
class UnreadOutputsTest {
  private static final Path SAMPLES = CuratePipelineTest.SAMPLES;
  private static final TupleTag<String> WORDS = new TupleTag<>() {};
  private static final TupleTag<Integer> LENGTHS = new TupleTag<>() {};

  @Test
  void anUnreadOutputGetsAConsumerAndTheReadOneKeepsItsElementsAlone(TestPipeline pipeline) {
    PCollectionTuple split =
        pipeline
            .apply("CreateWords", Create.of("a", "bb"))
            .apply(
                "SplitWords",
                ParDo.of(new WordsAndLengthsFn()).withOutputTags(WORDS, TupleTagList.of(LENGTHS)));
    PCollection<String> words = split.get(WORDS);
    PAssert.that(words).containsInAnyOrder("a", "bb");

    assertEquals(List.of(split.get(LENGTHS)), UnreadOutputs.find(pipeline));
    UnreadOutputs.drop(pipeline);
    assertEquals(List.of(), UnreadOutputs.find(pipeline));
    pipeline.run().waitUntilFinish();
  }

  /**
   * The anonymize and dedup pipelines read the anonymiser's conversations and not its counts; the
   * dedup and curate pipelines do not read dedup's confirmed near-duplicate pairs (the output that
   * broke curate on Spark), and the dedup pipeline not the duplicate clusters' labels either.
   */
  @Test
  void thePipelinesUnreadOutputsAreFoundAndDropped() throws Exception {
    SiftSpec spec = SpecLoader.load(SAMPLES.resolve("spec.yaml").toString());
    List<String> inputs = List.of(SAMPLES.resolve("logs") + "/**");
    Pipeline anonymize = Pipeline.create(PipelineOptionsFactory.create());
    AnonymizePipeline.buildPipeline(anonymize, inputs, "unused", spec, InputFormat.AUTO);
    Pipeline dedup = Pipeline.create(PipelineOptionsFactory.create());
    DedupPipeline.buildPipeline(dedup, inputs, "unused", spec, InputFormat.AUTO);
    Pipeline curate = Pipeline.create(PipelineOptionsFactory.create());
    CuratePipeline.buildPipeline(
        curate, inputs, "unused", CuratePipeline.withSemantic(spec, "off"), InputFormat.AUTO);

    assertEquals(List.of("AnonymizeConversations/ReplacePersonalData.out1"), names(anonymize));
    assertEquals(
        List.of(
            "AnonymizeConversations/ReplacePersonalData.out1",
            "DeduplicateConversations/VerifyCandidates/CompareSketches.out1",
            "DeduplicateConversations/ConnectComponents/LabelNodes.out1"),
        names(dedup));
    assertEquals(
        List.of("DeduplicateConversations/VerifyCandidates/CompareSketches.out1"), names(curate));
    for (Pipeline pipeline : List.of(anonymize, dedup, curate)) {
      UnreadOutputs.drop(pipeline);
      assertEquals(List.of(), names(pipeline));
    }
  }

  private static List<String> names(Pipeline pipeline) {
    return UnreadOutputs.find(pipeline).stream().map(PCollection::getName).toList();
  }

  private static final class WordsAndLengthsFn extends DoFn<String, String> {
    @ProcessElement
    public void processElement(@Element String word, MultiOutputReceiver out) {
      out.get(WORDS).output(word);
      out.get(LENGTHS).output(word.length());
    }
  }
}
