package dev.sift.transforms.emit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class SampleByIdHashTest {
  /**
   * A key with more values than the sample keeps those with the smallest id hashes, in hash order;
   * a key with fewer keeps all of them, in the same order.
   */
  @Test
  void keepsTheSmallestIdHashesInTheirOrder(TestPipeline pipeline) {
    List<String> many = IntStream.range(0, 40).mapToObj(i -> "chats.jsonl:" + i).toList();
    List<String> few = List.of("a", "b", "c");
    List<KV<String, String>> input = new ArrayList<>();
    many.forEach(id -> input.add(KV.of("billing", id)));
    few.forEach(id -> input.add(KV.of("shipping", id)));

    PCollection<KV<String, List<String>>> sampled =
        pipeline
            .apply(
                Create.of(input).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
            .apply(new SampleByIdHash<String>(5, id -> id));

    PAssert.that(sampled)
        .containsInAnyOrder(
            KV.of("billing", byHash(many).subList(0, 5)), KV.of("shipping", byHash(few)));
    pipeline.run().waitUntilFinish();
  }

  private static List<String> byHash(List<String> ids) {
    return ids.stream().sorted(Comparator.comparingLong(Split::hash)).toList();
  }
}
