package dev.sift.bench.scale;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.bench.Args;
import dev.sift.bench.pii.SupportConversations;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * {@code ./bench synth-logs}: writes N synthetic support conversations (up to tens of millions) as
 * Sift's input, with planted exact and near duplicates, conflicting answers, off-topic and
 * malformed records, and personal data in every support conversation, all with ground-truth labels.
 * The same seed and options give the same bytes, whatever the number of threads.
 *
 * <p>Layout: {@code <out>/logs/<task>/part-NNNNN.<ext>[.gz]}, one file per task and block of {@code
 * --per-file} records, and {@code <out>/labels/part-NNNNN.jsonl.gz}, one label per record (id,
 * task, format, file, kind, the id it copies, its PII types).
 */
public final class SyntheticLogs {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final long conversations;
  private final int perFile;
  private final Path out;
  private final boolean gzip;
  private final LogPlan plan;
  private final RecordMaker maker;
  private final List<LogFormat> formats;

  private SyntheticLogs(
      long seed,
      long conversations,
      int perFile,
      Path out,
      boolean gzip,
      LogPlan plan,
      List<LogFormat> formats) {
    this.conversations = conversations;
    this.perFile = perFile;
    this.out = out;
    this.gzip = gzip;
    this.plan = plan;
    this.maker = new RecordMaker(seed, plan);
    this.formats = formats;
  }

  public static void main(String[] argv) throws Exception {
    Args args =
        Args.parse(
            "synth-logs",
            argv,
            "out",
            "folder to write logs/ and labels/ into (required)",
            "conversations",
            "how many records (default 100000)",
            "seed",
            "random seed (default 1)",
            "tasks",
            "how many tasks, named after the support desks (default 4)",
            "skew",
            "Zipf exponent of the task shares: 0 equal, 1 = 1/rank (default 1)",
            "format",
            "openai, sharegpt, transcript, csv, or mixed: one format per task (default openai)",
            "gzip",
            "true or false (default true)",
            "per-file",
            "records per block; one file per task and block (default 50000)",
            "threads",
            "writer threads (default: the processors)",
            "percent",
            "planted shares, e.g. exact_duplicate=3,near_duplicate=4 (defaults: "
                + defaultPercents()
                + ")");
    long seed = args.longValue("seed", 1);
    long conversations = args.longValue("conversations", 100_000);
    List<String> tasks = tasks(args.intValue("tasks", 4));
    String format = args.value("format", "openai");
    List<LogFormat> formats =
        format.equals("mixed") ? List.of(LogFormat.values()) : List.of(LogFormat.fromCode(format));
    LogPlan plan =
        new LogPlan(
            seed, tasks, args.doubleValue("skew", 1.0), percents(args.value("percent", "")));
    SyntheticLogs logs =
        new SyntheticLogs(
            seed,
            conversations,
            args.intValue("per-file", 50_000),
            Path.of(args.required("out")),
            Boolean.parseBoolean(args.value("gzip", "true")),
            plan,
            formats);
    long started = System.nanoTime();
    Summary summary =
        logs.write(args.intValue("threads", Runtime.getRuntime().availableProcessors()));
    summary.print(conversations, (System.nanoTime() - started) / 1e9);
  }

  /** Writes every block, {@code threads} at a time, and sums up what was planted. */
  Summary write(int threads) throws Exception {
    long blocks = (conversations + perFile - 1) / perFile;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<Summary>> done = new ArrayList<>();
      for (long block = 0; block < blocks; block++) {
        long from = block * perFile;
        long to = Math.min(conversations, from + perFile);
        long number = block;
        done.add(pool.submit(() -> writeBlock(number, from, to)));
      }
      Summary total = new Summary();
      for (Future<Summary> block : done) {
        total.add(block.get());
      }
      return total;
    } finally {
      pool.shutdown();
    }
  }

  private Summary writeBlock(long block, long from, long to) throws IOException {
    Map<String, Writer> files = new TreeMap<>();
    Summary summary = new Summary();
    String part = String.format(Locale.ROOT, "part-%05d", block);
    try (Writer labels =
        open(out.resolve("labels").resolve(part + ".jsonl" + suffix(true)), true)) {
      for (long i = from; i < to; i++) {
        RecordMaker.Made made = maker.make(i);
        RecordMaker.Label label = made.label();
        LogFormat format = formats.get(plan.task(i) % formats.size());
        String file = "logs/" + label.task() + "/" + part + "." + format.extension() + suffix(gzip);
        Writer writer = files.get(file);
        if (writer == null) {
          writer = open(out.resolve(file), gzip);
          writer.write(format.fileHeader());
          files.put(file, writer);
        }
        String record = format.record(made.conversation(), label.kind() == Planted.MALFORMED);
        writer.write(record);
        summary.count(label, record.length());
        labels.write(labelJson(label, format, file));
      }
    } finally {
      for (Writer writer : files.values()) {
        writer.close();
      }
    }
    return summary;
  }

  private static String labelJson(RecordMaker.Label label, LogFormat format, String file) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("index", label.index());
    json.put("id", label.id());
    json.put("task", label.task());
    json.put("format", format.code());
    json.put("file", file);
    json.put("kind", label.kind().code());
    if (label.of() != null) {
      json.put("of", label.of());
    }
    label.pii().forEach(json.putArray("pii")::add);
    return json + "\n";
  }

  private static Writer open(Path file, boolean gzip) throws IOException {
    Files.createDirectories(file.getParent());
    OutputStream stream = Files.newOutputStream(file);
    if (gzip) {
      stream = new GZIPOutputStream(stream, 1 << 16);
    }
    return new BufferedWriter(new OutputStreamWriter(stream, UTF_8), 1 << 16);
  }

  private static String suffix(boolean gzip) {
    return gzip ? ".gz" : "";
  }

  /** Task names: the desks, then the desks again with a number ({@code billing-2}). */
  static List<String> tasks(int count) {
    List<String> desks = SupportConversations.desks();
    List<String> tasks = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      String desk = desks.get(t % desks.size());
      tasks.add(t < desks.size() ? desk : desk + "-" + (t / desks.size() + 1));
    }
    return tasks;
  }

  static int[] percents(String option) {
    int[] percents = new int[Planted.values().length];
    for (Planted kind : Planted.values()) {
      percents[kind.ordinal()] = kind.defaultPercent();
    }
    if (!option.isBlank()) {
      for (String pair : option.split(",")) {
        String[] parts = pair.split("=", 2);
        if (parts.length != 2) {
          throw new IllegalArgumentException("--percent wants kind=N pairs, got '" + pair + "'");
        }
        Planted kind = Planted.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
        percents[kind.ordinal()] = Integer.parseInt(parts[1].strip());
      }
    }
    return percents;
  }

  private static String defaultPercents() {
    List<String> pairs = new ArrayList<>();
    for (Planted kind : Planted.values()) {
      if (kind != Planted.CLEAN) {
        pairs.add(kind.code() + "=" + kind.defaultPercent());
      }
    }
    return String.join(",", pairs);
  }

  /** Records written by kind and task, and characters written. */
  static final class Summary {
    final Map<Planted, Long> byKind = new EnumMap<>(Planted.class);
    final Map<String, Long> byTask = new TreeMap<>();
    long chars;

    void count(RecordMaker.Label label, int length) {
      byKind.merge(label.kind(), 1L, Long::sum);
      byTask.merge(label.task(), 1L, Long::sum);
      chars += length;
    }

    void add(Summary other) {
      other.byKind.forEach((kind, n) -> byKind.merge(kind, n, Long::sum));
      other.byTask.forEach((task, n) -> byTask.merge(task, n, Long::sum));
      chars += other.chars;
    }

    void print(long conversations, double seconds) {
      System.out.printf(
          Locale.ROOT,
          "Wrote %,d records (%,.1f MB of text before compression) in %.1f s%n",
          conversations,
          chars / 1e6,
          seconds);
      byKind.forEach(
          (kind, n) -> System.out.printf(Locale.ROOT, "  %-20s %,12d%n", kind.code(), n));
      byTask.forEach((task, n) -> System.out.printf(Locale.ROOT, "  task %-15s %,12d%n", task, n));
    }
  }
}
