package dev.sift.transforms.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that loads a report page in headless Chromium as the page tests and {@code
 * ./bench report-page} do, kept in one place so that the bench measures the load the tests check:
 * no sandbox (containers), no GPU, no network chatter, console messages logged to stderr.
 */
public final class HeadlessChromiumCommand {
  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--hide-scrollbars",
          "--enable-logging=stderr",
          "--v=0");

  private HeadlessChromiumCommand() {}

  /** {@code binary} with the flags, a user-data folder under {@code profile}, then {@code args}. */
  public static List<String> of(Path binary, Path profile, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile.resolve("user-data"));
    command.addAll(args);
    return command;
  }
}
