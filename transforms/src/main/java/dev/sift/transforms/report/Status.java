package dev.sift.transforms.report;

/**
 * A criterion's verdict as the page shows it: a colour and, so that colour is never the only sign,
 * a symbol and the word (pass, warn, fail, not measured).
 */
final class Status {
  private Status() {}

  /** The CSS class of a status: pass, warn, fail or none. */
  static String kind(String status) {
    return switch (status) {
      case "pass", "warn", "fail" -> status;
      default -> "none";
    };
  }

  static String label(String status) {
    return switch (status) {
      case "pass" -> "✓ pass";
      case "warn" -> "! warn";
      case "fail" -> "✗ fail";
      case "not_measured" -> "– not measured";
      default -> Html.escape(status.isEmpty() ? "–" : status);
    };
  }

  static String badge(String status) {
    return "<span class=\"status " + kind(status) + "\">" + label(status) + "</span>";
  }

  /** The verdict of a share against the thresholds: for bars drawn without one from the data. */
  static String of(double score, double pass, double warn) {
    return score >= pass ? "pass" : score >= warn ? "warn" : "fail";
  }
}
