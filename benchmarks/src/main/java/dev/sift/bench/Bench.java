package dev.sift.bench;

import dev.sift.bench.dedup.DedupBench;
import dev.sift.bench.fewshot.FewShotBench;
import dev.sift.bench.pii.AnonymizeBench;
import dev.sift.bench.pii.PiiEvalSetGenerator;
import dev.sift.bench.pii.SharedDataLogs;
import dev.sift.bench.report.ReportPageBench;
import dev.sift.bench.scale.ScaleBench;
import dev.sift.bench.scale.SyntheticLogs;
import dev.sift.bench.semantic.SemanticBench;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line behind {@code ./bench <name> --name=value ...}: runs the named benchmark, which
 * prints its figures. Benchmarks check speed and quality targets by measuring them; they are not
 * tests and never run in {@code verify}.
 */
public final class Bench {

  /** A benchmark's entry point: its arguments after the name. */
  @FunctionalInterface
  public interface Main {
    void run(String[] args) throws Exception;
  }

  private record Command(String description, Main main) {}

  private static final Map<String, Command> COMMANDS = new TreeMap<>();

  static {
    COMMANDS.put(
        "dedup",
        new Command(
            "near-duplicate pairs vs brute-force Jaccard per band (and Spark MinHashLSH); time vs"
                + " n log n (--scale=...)",
            DedupBench::main));
    COMMANDS.put(
        "few-shot",
        new Command(
            "topics covered, representativeness and diversity of the chosen few-shot examples vs"
                + " random picks on a task of skewed topics; selection time",
            FewShotBench::main));
    COMMANDS.put(
        "anonymize",
        new Command(
            "precision, recall and F1 per entity type on the PII evaluation set; throughput (on"
                + " your own logs too: --logs=PATTERN)",
            AnonymizeBench::main));
    COMMANDS.put(
        "report-page",
        new Command(
            "size of the report page of a worst-case 1M-conversation report (every list at its"
                + " cap) and its load time in headless Chromium",
            ReportPageBench::main));
    COMMANDS.put(
        "semantic",
        new Command(
            "sentence embeddings per second and the semantic quality mode's cost per conversation"
                + " (wall and CPU), whence quality.semanticMaxConversations",
            SemanticBench::main));
    COMMANDS.put(
        "scale",
        new Command(
            "curate on synthetic logs of growing size, Direct Runner and embedded Flink, against"
                + " the machine's single-pass limit",
            ScaleBench::main));
    COMMANDS.put(
        "synth-logs",
        new Command(
            "write N synthetic conversations with planted duplicates, PII, conflicts, off-topic"
                + " and malformed records, and their labels (--out=DIR)",
            SyntheticLogs::main));
    COMMANDS.put(
        "shared-logs",
        new Command(
            "write the public datasets of ../shared/data that Sift has no reader for as chat"
                + " JSONL, for ./bench anonymize --logs (--out=DIR)",
            SharedDataLogs::main));
    COMMANDS.put(
        "pii-eval-set",
        new Command(
            "write the labelled PII evaluation set as JSON Lines (--out=FILE)",
            PiiEvalSetGenerator::main));
  }

  private Bench() {}

  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      usage();
      System.exit(args.length == 0 ? 2 : 0);
    }
    Command command = COMMANDS.get(args[0]);
    if (command == null) {
      System.err.println("bench: unknown benchmark '" + args[0] + "'");
      usage();
      System.exit(2);
    }
    try {
      command.main().run(Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException e) {
      System.err.println("bench " + args[0] + ": " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("bench " + args[0] + ": failed");
      e.printStackTrace(System.err);
      System.exit(1);
    }
  }

  private static void usage() {
    System.err.println(
        "usage: ./bench <benchmark> --name=value ...   (./bench <benchmark> --help)");
    COMMANDS.forEach(
        (name, command) -> System.err.printf("  %-14s %s%n", name, command.description()));
  }
}
