package dev.sift.bench.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.sift.bench.Args;
import dev.sift.bench.Timing;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.report.HeadlessChromiumCommand;
import dev.sift.transforms.report.RenderReportPage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./bench report-page}: the report page of a run as large as the report can get ({@link
 * WorstCaseReport}: a million conversations over many tasks, every list at its cap), its size
 * against the 5 MB target, the CPU time to render it, and how long headless Chromium takes to load
 * it against the 2 s target: Chromium started as ReportPageIT starts it, dumping the DOM once the
 * page has loaded, timed whole and less the same run on an empty page (the browser's own start).
 */
public final class ReportPageBench {
  static final long MAX_PAGE_BYTES = 5_000_000;
  static final double MAX_LOAD_SECONDS = 2.0;

  /** The flags of ReportPageIT's HeadlessChromium. */
  private ReportPageBench() {}

  public static void main(String[] argv) throws Exception {
    Args args =
        Args.parse(
            "report-page",
            argv,
            "conversations",
            "conversations of the run (1000000)",
            "tasks",
            "tasks of the run (200: more than the page's 50 task sections)",
            "seed",
            "generator seed (1)",
            "loads",
            "Chromium loads to time, median taken (5)",
            "chromium",
            "the browser (SIFT_CHROMIUM, else /usr/bin/chromium)",
            "out",
            "folder for quality-report.json and index.html (benchmarks/target/report-page)");
    long conversations = args.longValue("conversations", 1_000_000);
    int tasks = args.intValue("tasks", 200);
    int loads = args.intValue("loads", 5);
    if (conversations < tasks || tasks < 1 || loads < 1) {
      throw new IllegalArgumentException(
          "need --tasks >= 1, --conversations >= --tasks, --loads >= 1");
    }
    String chromiumDefault = System.getenv("SIFT_CHROMIUM");
    Path chromium =
        Path.of(
            args.value(
                "chromium", chromiumDefault == null ? "/usr/bin/chromium" : chromiumDefault));
    Path out = Path.of(args.value("out", "benchmarks/target/report-page"));
    PrintStream print = System.out;

    String json =
        Json.pretty(new WorstCaseReport(conversations, tasks, args.longValue("seed", 1)).build());
    Files.createDirectories(out);
    Path report = out.resolve("quality-report.json");
    Files.writeString(report, json + "\n", UTF_8);
    String page = RenderReportPage.page(json) + "\n";
    Path pageFile = out.resolve("index.html");
    Files.writeString(pageFile, page, UTF_8);
    long pageBytes = Files.size(pageFile);
    Timing render = Timing.of(() -> RenderReportPage.page(json).length(), 5);

    print.printf(
        Locale.ROOT,
        "Worst-case report: %,d conversations, %d tasks, every list at its cap: JSON %.2f MB (%s)%n",
        conversations,
        tasks,
        Files.size(report) / 1e6,
        report);
    print.printf(
        Locale.ROOT,
        "Page: %.2f MB (%,d bytes; target < %.0f MB: %s) (%s)%n",
        pageBytes / 1e6,
        pageBytes,
        MAX_PAGE_BYTES / 1e6,
        pageBytes < MAX_PAGE_BYTES ? "met" : "NOT met",
        pageFile);
    print.printf(
        Locale.ROOT,
        "Render (JSON text to page): %.0f ms CPU, %.0f ms wall (median of 5 rounds)%n",
        render.cpuSeconds() * 1e3,
        render.wallSeconds() * 1e3);

    if (!Files.isExecutable(chromium)) {
      print.println("Chromium load: skipped, no browser at " + chromium + " (--chromium=...)");
      return;
    }
    Path blank = out.resolve("blank.html");
    Files.writeString(blank, "<!DOCTYPE html><title>blank</title>\n", UTF_8);
    Path profile = Files.createTempDirectory("sift-report-bench");
    load(chromium, profile, blank); // warms the profile and the disk cache
    double[] blankSeconds = new double[loads];
    double[] pageSeconds = new double[loads];
    int domBytes = 0;
    for (int i = 0; i < loads; i++) {
      blankSeconds[i] = load(chromium, profile, blank).seconds();
      Load load = load(chromium, profile, pageFile);
      pageSeconds[i] = load.seconds();
      domBytes = load.domBytes();
    }
    double pageMedian = median(pageSeconds);
    double blankMedian = median(blankSeconds);
    double net = pageMedian - blankMedian;
    print.printf(
        Locale.ROOT,
        "Chromium --headless --dump-dom (median of %d): page %.2f s, empty page %.2f s, so the page"
            + " itself %.2f s (target < %.0f s: %s); DOM %.2f MB%n",
        loads,
        pageMedian,
        blankMedian,
        net,
        MAX_LOAD_SECONDS,
        net < MAX_LOAD_SECONDS ? "met" : "NOT met",
        domBytes / 1e6);
    print.printf(
        Locale.ROOT,
        "  all page loads: %s s; all empty-page loads: %s s%n",
        format(pageSeconds),
        format(blankSeconds));
  }

  private record Load(double seconds, int domBytes) {}

  private static Load load(Path chromium, Path profile, Path page)
      throws IOException, InterruptedException {
    List<String> command =
        HeadlessChromiumCommand.of(
            chromium, profile, List.of("--dump-dom", page.toUri().toString()));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] dom = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium did not finish within 120 s");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!new String(dom, UTF_8).contains("</html>")) {
      throw new IllegalStateException("Chromium did not dump the page of " + page);
    }
    return new Load(seconds, dom.length);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String format(double[] values) {
    List<String> all = new ArrayList<>();
    for (double value : values) {
      all.add(String.format(Locale.ROOT, "%.2f", value));
    }
    return String.join(", ", all);
  }
}
