package dev.sift.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A benchmark's {@code --name=value} arguments, checked against the names it declares; {@code
 * --help} prints them and exits.
 */
public final class Args {
  private final Map<String, String> values;

  private Args(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code argv} for the benchmark {@code command}; {@code namesAndHelp} alternates each
   * accepted name and its one-line description.
   */
  public static Args parse(String command, String[] argv, String... namesAndHelp) {
    Map<String, String> help = new LinkedHashMap<>();
    for (int i = 0; i < namesAndHelp.length; i += 2) {
      help.put(namesAndHelp[i], namesAndHelp[i + 1]);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String arg : argv) {
      if (arg.equals("--help")) {
        System.out.println("usage: ./bench " + command + " [--name=value ...]");
        help.forEach((name, text) -> System.out.printf("  --%-16s %s%n", name, text));
        System.exit(0);
      }
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
      }
      String name = arg.substring(2, equals);
      if (!help.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown option --" + name + "; known: --" + String.join(", --", help.keySet()));
      }
      values.put(name, arg.substring(equals + 1));
    }
    return new Args(values);
  }

  public String required(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  public int intValue(String name, int fallback) {
    return (int) longValue(name, fallback);
  }

  public long longValue(String name, long fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number, got '" + value + "'");
    }
  }

  public String value(String name, String fallback) {
    String value = values.get(name);
    return value == null ? fallback : value;
  }

  public double doubleValue(String name, double fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'");
    }
  }
}
