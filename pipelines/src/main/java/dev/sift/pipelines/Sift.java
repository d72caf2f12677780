package dev.sift.pipelines;

import dev.sift.schemas.spec.SpecException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line behind {@code ./sift <pipeline> --name=value ...}: runs the named pipeline,
 * turns {@code --help} into Beam's help for that pipeline's options, and exits non-zero with a
 * one-line message when the run cannot start.
 */
public final class Sift {

  /** A pipeline the launcher can run. */
  private record Command(String description, Class<?> options, Main main) {}

  @FunctionalInterface
  private interface Main {
    void run(String[] args) throws Exception;
  }

  private static final Map<String, Command> COMMANDS = commands();

  private Sift() {}

  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      usage();
      System.exit(args.length == 0 ? 2 : 0);
    }
    Command command = COMMANDS.get(args[0]);
    if (command == null) {
      System.err.println("sift: unknown pipeline '" + args[0] + "'");
      usage();
      System.exit(2);
    }
    String[] rest =
        Arrays.stream(args, 1, args.length)
            .map(arg -> arg.equals("--help") ? "--help=" + command.options().getName() : arg)
            .toArray(String[]::new);
    try {
      command.main().run(rest);
    } catch (SpecException | IllegalArgumentException e) {
      System.err.println("sift " + args[0] + ": " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("sift " + args[0] + ": the run failed: " + rootMessage(e));
      e.printStackTrace(System.err);
      System.exit(1);
    }
  }

  private static Map<String, Command> commands() {
    Map<String, Command> commands = new TreeMap<>();
    commands.put(
        "anonymize",
        new Command(
            "read chat logs and write them with personal data and secrets replaced",
            AnonymizeOptions.class,
            AnonymizePipeline::main));
    commands.put(
        "curate",
        new Command(
            "read chat logs, curate them, write fine-tuning sets or few-shot bundles and a report",
            CurateOptions.class,
            CuratePipeline::main));
    commands.put(
        "report",
        new Command(
            "render a run's report page (report/index.html) again from its quality-report.json",
            ReportOptions.class,
            RenderReport::main));
    commands.put(
        "generate",
        new Command(
            "write the synthetic billing sample (samples/logs/billing) from its generator",
            GenerateOptions.class,
            GenerateSamples::main));
    return commands;
  }

  private static void usage() {
    System.err.println(
        "usage: ./sift <pipeline> --name=value ...   (./sift <pipeline> --help for its options)");
    COMMANDS.forEach(
        (name, command) -> System.err.printf("  %-10s %s%n", name, command.description()));
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
