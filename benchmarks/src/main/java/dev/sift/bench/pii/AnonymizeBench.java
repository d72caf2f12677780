package dev.sift.bench.pii;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.sift.bench.Args;
import dev.sift.bench.Timing;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.EntityType;
import dev.sift.schemas.Message;
import dev.sift.schemas.spec.AnonymizeSpec;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.SpecLoader;
import dev.sift.transforms.anonymize.PiiDetector;
import dev.sift.transforms.anonymize.Span;
import dev.sift.transforms.anonymize.TextAnonymizer;
import dev.sift.transforms.ingest.FileParsing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./bench anonymize}: the anonymise stage's quality and speed on the PII evaluation set.
 *
 * <p>Quality: runs {@link PiiDetector} (the standard spec) over every conversation as the stage
 * does, each conversation's texts together with the names its record declares, and scores the spans
 * with {@link PiiScore}'s match rule: precision, recall and F1 per entity type, the share of
 * non-PII tokens changed, the hard negatives touched, and examples of misses and false positives.
 *
 * <p>Speed, on one thread: MB/s of the set as OpenAI chat JSONL through the project's JSON Lines
 * parser, and MB/s of {@link TextAnonymizer} (detect and replace) over the parsed conversations,
 * both over the same bytes, timed in turns by {@link Timing#interleaved}; the target compares their
 * CPU times. The detection alone (every turn's text, no declared names) is timed too, to show what
 * replacing costs on top, and libphonenumber validating each planted phone number once, the least
 * any detector that confirms numbers with it must spend.
 */
public final class AnonymizeBench {
  private static final Set<EntityType> STRUCTURED =
      Set.of(
          EntityType.EMAIL,
          EntityType.PHONE,
          EntityType.CREDIT_CARD,
          EntityType.IBAN,
          EntityType.IP_ADDRESS,
          EntityType.US_SSN,
          EntityType.SECRET);
  private static final double STRUCTURED_RECALL = 0.99;
  private static final double STRUCTURED_PRECISION = 0.97;
  private static final double PERSON_RECALL = 0.90;
  private static final double PERSON_PRECISION = 0.85;
  private static final double MAX_TOKENS_CHANGED = 0.01;
  private static final double MAX_SLOWDOWN = 2.0;

  private final PrintStream out;

  private AnonymizeBench(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] argv) throws Exception {
    Args args =
        Args.parse(
            "anonymize",
            argv,
            "conversations",
            "size of the evaluation set (default "
                + PiiEvalSetGenerator.DEFAULT_CONVERSATIONS
                + ")",
            "seed",
            "evaluation set seed (default " + PiiEvalSetGenerator.DEFAULT_SEED + ")",
            "examples",
            "misses and false positives listed per type (default 10)",
            "rounds",
            "timed rounds of each throughput measurement, after the warm-up (default 5)",
            "logs",
            "comma-separated file patterns, as --input takes them: measure on these logs instead"
                + " of the evaluation set (what is found per type, and the throughput);"
                + " --examples then lists findings, the logs' own values (default 0)",
            "spec",
            "with --logs: the spec to read and anonymise them with, as curate takes it (default"
                + " the standard spec)");
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
    int rounds = args.intValue("rounds", 5);
    String logs = args.value("logs", "");
    if (logs.isBlank() && args.value("spec", null) != null) {
      throw new IllegalArgumentException("--spec goes with --logs");
    }
    if (!logs.isBlank()) {
      if (args.value("conversations", null) != null || args.value("seed", null) != null) {
        throw new IllegalArgumentException(
            "--conversations and --seed shape the eval set, not --logs");
      }
      String spec = args.value("spec", "");
      new LogsAnonymizeBench(out, spec.isBlank() ? SiftSpec.standard() : SpecLoader.load(spec))
          .run(List.of(logs.split(",")), args.intValue("examples", 0), rounds);
      return;
    }
    int conversations = args.intValue("conversations", PiiEvalSetGenerator.DEFAULT_CONVERSATIONS);
    long seed = args.longValue("seed", PiiEvalSetGenerator.DEFAULT_SEED);
    AnonymizeBench bench = new AnonymizeBench(out);
    List<EvalConversation> set = PiiEvalSetGenerator.generate(seed, conversations);
    bench.quality(set, seed, args.intValue("examples", 10));
    bench.throughput(set, rounds);
  }

  /** Scores the detector on {@code set}. */
  static PiiScore score(List<EvalConversation> set, int examplesPerType) {
    PiiDetector detector = PiiDetector.of(AnonymizeSpec.standard());
    PiiScore score = new PiiScore(examplesPerType);
    for (EvalConversation conversation : set) {
      List<String> texts = conversation.messages().stream().map(EvalMessage::content).toList();
      List<List<Span>> spans = detector.detectAll(texts, conversation.knownNames());
      for (int i = 0; i < texts.size(); i++) {
        score.add(conversation.messages().get(i), spans.get(i));
      }
    }
    return score;
  }

  private void quality(List<EvalConversation> set, long seed, int examplesPerType) {
    long messages = set.stream().mapToLong(c -> c.messages().size()).sum();
    out.printf(
        Locale.ROOT,
        "PII evaluation set: %,d conversations (seed %d), %,d messages%n",
        set.size(),
        seed,
        messages);
    out.println(
        "Detector: PiiDetector, standard spec; each conversation's texts together, with the agent"
            + " name its record declares.");
    out.println(
        "Match rule: a gold value is found when a predicted span of the same type overlaps it;"
            + " a predicted span is correct when it overlaps a gold value of the same type.");
    out.println(
        "  TP = gold values found, FN = not found, FP = predicted spans that are not correct;"
            + " precision = correct / predicted.");
    out.println();

    PiiScore score = score(set, examplesPerType);
    out.printf(
        Locale.ROOT,
        "%-15s %8s %8s %7s %7s %9s %7s %7s  %s%n",
        "type",
        "support",
        "TP",
        "FP",
        "FN",
        "precision",
        "recall",
        "F1",
        "target");
    for (EntityType type : EntityType.values()) {
      PiiScore.TypeCounts counts = score.counts(type);
      out.printf(Locale.ROOT, "%-15s %s  %s%n", type.code(), row(counts), target(type, counts));
    }
    out.printf(Locale.ROOT, "%-15s %s%n", "all", row(score.total()));
    out.println();

    double changed = (double) score.nonPiiTokensChanged() / Math.max(1, score.nonPiiTokens());
    out.printf(
        Locale.ROOT,
        "Non-PII tokens changed: %,d of %,d (%.3f%%)   target <= %.0f%%   %s%n",
        score.nonPiiTokensChanged(),
        score.nonPiiTokens(),
        100 * changed,
        100 * MAX_TOKENS_CHANGED,
        verdict(changed <= MAX_TOKENS_CHANGED));
    out.println(
        "  (whitespace-separated tokens that no gold value overlaps, and that a predicted span"
            + " overlaps)");
    out.println();

    out.println("Hard negatives changed (each must survive untouched):");
    out.printf(Locale.ROOT, "  %-18s %8s %8s%n", "kind", "planted", "changed");
    for (NegativeKind kind : NegativeKind.values()) {
      PiiScore.NegativeCounts counts = score.negatives(kind);
      out.printf(Locale.ROOT, "  %-18s %8d %8d%n", kind.code(), counts.planted, counts.changed);
    }
    out.println();

    out.printf(Locale.ROOT, "Examples (up to %d per type):%n", examplesPerType);
    for (EntityType type : EntityType.values()) {
      PiiScore.TypeCounts counts = score.counts(type);
      printExamples(type.code() + " missed", counts.misses);
      printExamples(type.code() + " false positive", counts.falsePositives);
    }
    for (NegativeKind kind : NegativeKind.values()) {
      printExamples(kind.code() + " changed", score.negatives(kind).changedExamples);
    }
    out.println();
  }

  private void printExamples(String title, List<PiiScore.Example> examples) {
    if (examples.isEmpty()) {
      return;
    }
    out.println("  " + title + ":");
    for (PiiScore.Example example : examples) {
      out.printf(Locale.ROOT, "    %s  (%s)%n", example.context(), example.note());
    }
  }

  private static String row(PiiScore.TypeCounts counts) {
    return String.format(
        Locale.ROOT,
        "%8d %8d %7d %7d %9s %7s %7s",
        counts.gold,
        counts.found,
        counts.falsePositiveCount(),
        counts.falseNegatives(),
        ratio(counts.precision()),
        ratio(counts.recall()),
        ratio(counts.f1()));
  }

  private static String ratio(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String target(EntityType type, PiiScore.TypeCounts counts) {
    double minPrecision;
    double minRecall;
    if (STRUCTURED.contains(type)) {
      minPrecision = STRUCTURED_PRECISION;
      minRecall = STRUCTURED_RECALL;
    } else if (type == EntityType.PERSON) {
      minPrecision = PERSON_PRECISION;
      minRecall = PERSON_RECALL;
    } else {
      return "(no target)";
    }
    // No prediction at all is no false positive: precision is then held met, recall decides.
    boolean precisionMet = Double.isNaN(counts.precision()) || counts.precision() >= minPrecision;
    boolean met = precisionMet && counts.recall() >= minRecall;
    return String.format(Locale.ROOT, "P>=%.2f R>=%.2f  %s", minPrecision, minRecall, verdict(met));
  }

  private static String verdict(boolean met) {
    return met ? "PASS" : "FAIL";
  }

  /** Times parsing and anonymising the same bytes on this thread (see {@link Timing}). */
  private void throughput(List<EvalConversation> set, int rounds) throws Exception {
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    for (EvalConversation conversation : set) {
      jsonl.write(EvalSetJson.openAi(conversation).getBytes(UTF_8));
      jsonl.write('\n');
    }
    byte[] bytes = jsonl.toByteArray();
    double megabytes = bytes.length / 1e6;
    List<Conversation> parsed = parse(bytes);
    if (parsed.size() != set.size()) {
      throw new IllegalStateException(
          "the parser read " + parsed.size() + " of " + set.size() + " conversations");
    }
    TextAnonymizer anonymizer = TextAnonymizer.of(AnonymizeSpec.standard());

    out.printf(
        Locale.ROOT,
        "Throughput on one thread, over the set as OpenAI chat JSONL (%.2f MB), after a warm-up,"
            + " median of %d rounds (each round times the four in turn):%n",
        megabytes,
        rounds);
    PiiDetector detector = anonymizer.detector();
    List<PlantedPhone> phones = plantedPhones(set);
    List<Timing> timings =
        Timing.interleaved(
            List.of(
                () -> parse(bytes).size(),
                () -> detectAll(detector, parsed),
                () -> anonymizeAll(anonymizer, parsed),
                () -> {
                  long valid = 0;
                  for (PlantedPhone phone : phones) {
                    valid += phone.isValid() ? 1 : 0;
                  }
                  return valid;
                }),
            rounds);
    printThroughput(out, megabytes, timings.subList(0, 3));
    Timing parsing = timings.get(0);
    Timing validatingPhones = timings.get(3);
    out.printf(
        Locale.ROOT,
        "  libphonenumber alone, each of the %,d planted phone numbers parsed and validated once"
            + " in its own region (known here, not to the detector): %.2f times the parse CPU%n",
        phones.size(),
        validatingPhones.cpuSeconds() / parsing.cpuSeconds());
  }

  /** Finds what is in every turn of {@code conversations}, as the stage does but for the names. */
  static long detectAll(PiiDetector detector, List<Conversation> conversations) {
    long spans = 0;
    for (Conversation conversation : conversations) {
      List<String> texts = conversation.getMessages().stream().map(Message::getContent).toList();
      spans += detector.detectAll(texts, List.of()).size();
    }
    return spans;
  }

  static long anonymizeAll(TextAnonymizer anonymizer, List<Conversation> conversations) {
    long messages = 0;
    for (Conversation conversation : conversations) {
      messages += anonymizer.anonymize(conversation).conversation().getMessages().size();
    }
    return messages;
  }

  /**
   * Prints the MB/s of parsing, detecting and anonymising ({@code timings}, in that order) over
   * {@code megabytes}, and the ratio the target bounds.
   */
  static void printThroughput(PrintStream out, double megabytes, List<Timing> timings) {
    Timing parsing = timings.get(0);
    Timing detecting = timings.get(1);
    Timing anonymizing = timings.get(2);
    out.printf(Locale.ROOT, "  %-52s %14s %14s%n", "", "MB/s (CPU)", "MB/s (wall)");
    out.printf(
        Locale.ROOT,
        "  %-52s %14.2f %14.2f%n",
        "parse     (FileParsing: the pipeline's file readers)",
        megabytes / parsing.cpuSeconds(),
        megabytes / parsing.wallSeconds());
    out.printf(
        Locale.ROOT,
        "  %-52s %14.2f %14.2f%n",
        "detect    (PiiDetector alone, no replacing)",
        megabytes / detecting.cpuSeconds(),
        megabytes / detecting.wallSeconds());
    out.printf(
        Locale.ROOT,
        "  %-52s %14.2f %14.2f%n",
        "anonymise (TextAnonymizer: detect + replace)",
        megabytes / anonymizing.cpuSeconds(),
        megabytes / anonymizing.wallSeconds());
    double slowdown = anonymizing.cpuSeconds() / parsing.cpuSeconds();
    out.printf(
        Locale.ROOT,
        "  anonymise CPU / parse CPU: %.2f (wall: %.2f)   target <= %.0f   %s%n",
        slowdown,
        anonymizing.wallSeconds() / parsing.wallSeconds(),
        MAX_SLOWDOWN,
        verdict(slowdown <= MAX_SLOWDOWN));
    out.println(
        "  (CPU: the measuring thread's CPU time, which other processes do not inflate; wall:"
            + " elapsed time)");
  }

  /** A planted phone number and a region libphonenumber deems it valid in ("ZZ" when none does). */
  private record PlantedPhone(String value, String region) {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    boolean isValid() {
      try {
        return UTIL.isValidNumber(UTIL.parse(value, region));
      } catch (NumberParseException notANumber) {
        return false;
      }
    }
  }

  /**
   * The set's planted phone numbers, each with the first of the standard spec's regions that deems
   * it valid: the least work a detector that confirms numbers with libphonenumber can do.
   */
  private static List<PlantedPhone> plantedPhones(List<EvalConversation> set) {
    List<PlantedPhone> phones = new ArrayList<>();
    for (EvalConversation conversation : set) {
      for (EvalMessage message : conversation.messages()) {
        for (GoldSpan span : message.spans()) {
          if (span.type() == EntityType.PHONE) {
            String value = span.value().strip();
            String international = value.startsWith("00") ? "+" + value.substring(2) : value;
            phones.add(
                AnonymizeSpec.DEFAULT_PHONE_REGIONS.stream()
                    .map(region -> new PlantedPhone(international, region))
                    .filter(PlantedPhone::isValid)
                    .findFirst()
                    .orElse(new PlantedPhone(international, "ZZ")));
          }
        }
      }
    }
    return phones;
  }

  private static List<Conversation> parse(byte[] bytes) throws IOException {
    List<Conversation> conversations = new ArrayList<>();
    long deadLetters =
        FileParsing.parse(
            new ByteArrayInputStream(bytes),
            "pii-eval.jsonl",
            SiftSpec.standard(),
            conversations::add);
    if (deadLetters > 0) {
      throw new IllegalStateException(deadLetters + " records of the set were dead-lettered");
    }
    return conversations;
  }
}
