package dev.sift.bench.pii;

import dev.sift.bench.Timing;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.EntityType;
import dev.sift.schemas.Message;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.anonymize.PiiDetector;
import dev.sift.transforms.anonymize.Span;
import dev.sift.transforms.anonymize.TextAnonymizer;
import dev.sift.transforms.ingest.FileParsing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code ./bench anonymize --logs=PATTERN}: the anonymise stage on the user's own logs, which have
 * no labels: what it finds there, per type, and its speed against parsing the same files with the
 * pipeline's readers. The evaluation set plants a finding in nearly every turn; real logs have far
 * fewer, which is what decides whether the stage is the pipeline's bottleneck.
 */
final class LogsAnonymizeBench {
  private final PrintStream out;
  private final SiftSpec spec;

  /** {@code spec}: how to read the logs and what to anonymise, as curate takes it. */
  LogsAnonymizeBench(PrintStream out, SiftSpec spec) {
    this.out = out;
    this.spec = spec;
  }

  /** A file's name and bytes, read once so that the timing reads no disk. */
  private record InputFile(String name, byte[] bytes) {}

  void run(List<String> patterns, int examplesPerType, int rounds) throws Exception {
    List<InputFile> files = read(patterns);
    List<Conversation> parsed = new ArrayList<>();
    long deadLetters = parse(files, parsed::add);
    long bytes = files.stream().mapToLong(file -> file.bytes().length).sum();
    long messages = parsed.stream().mapToLong(c -> c.getMessages().size()).sum();
    out.printf(
        Locale.ROOT,
        "Logs: %s: %,d files, %.2f MB, %,d conversations, %,d messages (%,d records"
            + " dead-lettered)%n",
        String.join(", ", patterns),
        files.size(),
        bytes / 1e6,
        parsed.size(),
        messages,
        deadLetters);
    TextAnonymizer anonymizer = TextAnonymizer.of(spec.anonymize());
    findings(parsed, messages, anonymizer, examplesPerType);

    out.printf(
        Locale.ROOT,
        "Throughput on one thread, over these files read from memory with the pipeline's readers,"
            + " after a warm-up, median of %d rounds (each round times the three in turn):%n",
        rounds);
    PiiDetector detector = anonymizer.detector();
    List<Timing> timings =
        Timing.interleaved(
            List.of(
                () -> {
                  List<Conversation> conversations = new ArrayList<>();
                  parse(files, conversations::add);
                  return conversations.size();
                },
                () -> AnonymizeBench.detectAll(detector, parsed),
                () -> AnonymizeBench.anonymizeAll(anonymizer, parsed)),
            rounds);
    AnonymizeBench.printThroughput(out, bytes / 1e6, timings);
  }

  /** What the stage replaces, per type, and examples of what it finds in the turns. */
  private void findings(
      List<Conversation> parsed, long messages, TextAnonymizer anonymizer, int examplesPerType) {
    Map<EntityType, Long> replaced = new EnumMap<>(EntityType.class);
    Map<EntityType, FindingSample> examples = new EnumMap<>(EntityType.class);
    for (Conversation conversation : parsed) {
      anonymizer
          .anonymize(conversation)
          .counts()
          .forEach((type, count) -> replaced.merge(type, (long) count, Long::sum));
      if (examplesPerType > 0) {
        collectExamples(anonymizer.detector(), conversation, examples, examplesPerType);
      }
    }
    out.printf(Locale.ROOT, "  %-15s %9s %14s%n", "type", "replaced", "per 1k turns");
    double perThousand = 1000.0 / Math.max(1, messages);
    long total = 0;
    for (EntityType type : EntityType.values()) {
      long count = replaced.getOrDefault(type, 0L);
      total += count;
      out.printf(Locale.ROOT, "  %-15s %,9d %14.2f%n", type.code(), count, count * perThousand);
    }
    out.printf(Locale.ROOT, "  %-15s %,9d %14.2f%n", "all", total, total * perThousand);
    out.println(
        "  (values replaced in turns, speaker names and metadata; nothing here is labelled, so"
            + " read the examples for precision)");
    if (examplesPerType > 0) {
      out.printf(
          Locale.ROOT,
          "Findings in the turns (a sample of up to %d distinct ones per type, in context, spread"
              + " over the logs and the same on every run; these are the logs' own values):%n",
          examplesPerType);
      examples.forEach(
          (type, sample) -> {
            out.printf(
                Locale.ROOT,
                "  %s (%,d found, %,d distinct in context):%n",
                type.code(),
                sample.seen(),
                sample.distinct());
            sample.inOrder().forEach(example -> out.println("    " + example));
          });
    }
    out.println();
  }

  private static void collectExamples(
      PiiDetector detector,
      Conversation conversation,
      Map<EntityType, FindingSample> examples,
      int examplesPerType) {
    List<String> texts = conversation.getMessages().stream().map(Message::getContent).toList();
    List<List<Span>> spans = detector.detectAll(texts, TextAnonymizer.declaredNames(conversation));
    for (int i = 0; i < texts.size(); i++) {
      for (Span span : spans.get(i)) {
        examples
            .computeIfAbsent(span.type(), type -> new FindingSample(examplesPerType))
            .offer(PiiScore.inContext(texts.get(i), span.start(), span.end()));
      }
    }
  }

  /** Every file the patterns match, in name order, each once, as {@code --input} reads them. */
  private static List<InputFile> read(List<String> patterns) throws IOException {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    Map<String, MatchResult.Metadata> matched = new TreeMap<>();
    List<MatchResult> matches = FileSystems.match(patterns, EmptyMatchTreatment.ALLOW);
    for (int i = 0; i < patterns.size(); i++) {
      if (matches.get(i).status() != MatchResult.Status.OK || matches.get(i).metadata().isEmpty()) {
        throw new IllegalArgumentException("--logs=" + patterns.get(i) + " matches no file");
      }
      matches.get(i).metadata().forEach(file -> matched.put(file.resourceId().toString(), file));
    }
    List<InputFile> files = new ArrayList<>();
    for (MatchResult.Metadata file : matched.values()) {
      try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
        files.add(new InputFile(file.resourceId().toString(), in.readAllBytes()));
      }
    }
    return files;
  }

  /** Parses every file; returns how many records were dead-lettered. */
  private long parse(List<InputFile> files, Consumer<Conversation> conversations) {
    long deadLetters = 0;
    for (InputFile file : files) {
      deadLetters +=
          FileParsing.parse(
              new ByteArrayInputStream(file.bytes()), file.name(), spec, conversations);
    }
    return deadLetters;
  }
}
