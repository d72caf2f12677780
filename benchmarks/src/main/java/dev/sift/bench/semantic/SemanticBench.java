package dev.sift.bench.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import dev.sift.bench.Args;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.QualitySpec;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.generate.SupportConversationGenerator;
import dev.sift.transforms.quality.ScoreQuality;
import dev.sift.transforms.quality.SentenceEmbedder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;

/**
 * {@code ./bench semantic}: what the semantic quality mode costs on this machine, in wall time and
 * in CPU time of the whole process (ONNX Runtime computes on threads of its own). First the model's
 * load, then sentence embeddings per second for texts of 16, 64 and 200 words (the cap of a
 * conversation's text), then the quality stage on generated billing conversations with {@code
 * --semantic=off} and {@code on}: the difference per conversation, and how many conversations a
 * minute of CPU embeds, which is where {@code quality.semanticMaxConversations} comes from.
 */
public final class SemanticBench {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final String[] WORDS =
      ("the a my your was is not when why how can please thanks refund invoice billing card payment"
              + " charge twice month subscription cancel plan seat upgrade account password order"
              + " parcel delivery late help today since yesterday still again error page settings")
          .split(" ");

  private SemanticBench() {}

  public static void main(String[] argv) throws Exception {
    Args args =
        Args.parse(
            "semantic",
            argv,
            "texts",
            "texts embedded per length (300)",
            "conversations",
            "generated billing conversations scored by the quality stage (1000)");
    int texts = args.intValue("texts", 300);
    int conversations = args.intValue("conversations", 1000);
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "Machine: %d processors%n", Runtime.getRuntime().availableProcessors());

    Measure load = Measure.start();
    SentenceEmbedder.embed(List.of("warm up the model"));
    out.printf(Locale.ROOT, "Model load and first embedding: %s%n", load.stop(1));

    SplittableRandom random = new SplittableRandom(1);
    SentenceEmbedder.embed(texts(random, 50, 64)); // warm-up of the JIT and ONNX Runtime
    for (int words : new int[] {16, 64, SentenceEmbedder.MAX_WORDS}) {
      List<String> batch = texts(random, texts, words);
      Measure measure = Measure.start();
      for (int from = 0; from < batch.size(); from += 64) {
        SentenceEmbedder.embed(batch.subList(from, Math.min(batch.size(), from + 64)));
      }
      out.printf(
          Locale.ROOT, "Embed %d texts of %3d words: %s%n", texts, words, measure.stop(texts));
    }

    List<Conversation> input = billing(conversations);
    long words = input.stream().mapToLong(c -> SentenceEmbedder.text(c).split("\\s+").length).sum();
    out.printf(
        Locale.ROOT,
        "Quality stage on %d generated billing conversations (%.0f embedded words each on average),"
            + " Direct Runner:%n",
        input.size(),
        (double) words / input.size());
    score(input, "off"); // warm-up
    double[] off = score(input, "off");
    double[] on = score(input, "on");
    out.printf(Locale.ROOT, "  --semantic=off  wall %6.1f s  cpu %6.1f s%n", off[0], off[1]);
    out.printf(Locale.ROOT, "  --semantic=on   wall %6.1f s  cpu %6.1f s%n", on[0], on[1]);
    double cpuPerConversation = Math.max(1e-9, (on[1] - off[1]) / input.size());
    double wallPerConversation = Math.max(1e-9, (on[0] - off[0]) / input.size());
    out.printf(
        Locale.ROOT,
        "  semantic costs %.1f ms of CPU (%.1f ms wall) per conversation: a minute of CPU embeds"
            + " %.0f conversations (a minute of wall time %.0f); quality.semanticMaxConversations"
            + " defaults to %d%n",
        cpuPerConversation * 1e3,
        wallPerConversation * 1e3,
        60 / cpuPerConversation,
        60 / wallPerConversation,
        QualitySpec.DEFAULT_SEMANTIC_MAX_CONVERSATIONS);
  }

  /** Wall and process CPU seconds of the quality stage on {@code input}. */
  private static double[] score(List<Conversation> input, String semantic) {
    SiftSpec spec = SiftSpec.standard();
    spec = spec.withQuality(spec.quality().withSemantic(semantic));
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    pipeline.apply("Create", Create.of(input)).apply("ScoreQuality", ScoreQuality.withSpec(spec));
    Measure measure = Measure.start();
    pipeline.run().waitUntilFinish();
    return measure.seconds();
  }

  private static List<String> texts(SplittableRandom random, int n, int words) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < words; w++) {
        text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      }
      texts.add(text.toString());
    }
    return texts;
  }

  /** The samples' billing generator's conversations, read from its JSON Lines. */
  private static List<Conversation> billing(int n) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SupportConversationGenerator.write(bytes, SupportConversationGenerator.DEFAULT_SEED, n);
    ObjectMapper mapper = new ObjectMapper();
    List<Conversation> conversations = new ArrayList<>();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      JsonNode record = mapper.readTree(lines[i]);
      List<Message> messages = new ArrayList<>();
      for (JsonNode message : record.get("messages")) {
        messages.add(
            Message.of(
                Role.fromWireName(message.get("role").asText()).orElseThrow(),
                message.get("content").asText()));
      }
      conversations.add(
          Conversation.of(
              "billing", SourceRef.create("bench.jsonl", i + 1, i, "openai"), messages, Map.of()));
    }
    return conversations;
  }

  /** Wall and whole-process CPU time from a start. */
  private record Measure(long wallStart, long cpuStart) {
    static Measure start() {
      return new Measure(System.nanoTime(), OS.getProcessCpuTime());
    }

    double[] seconds() {
      return new double[] {
        (System.nanoTime() - wallStart) / 1e9, (OS.getProcessCpuTime() - cpuStart) / 1e9
      };
    }

    String stop(int items) {
      double[] s = seconds();
      return String.format(
          Locale.ROOT,
          "wall %.2f s, cpu %.2f s: %.0f/s wall, %.0f per CPU-second",
          s[0],
          s[1],
          items / s[0],
          items / s[1]);
    }
  }
}
