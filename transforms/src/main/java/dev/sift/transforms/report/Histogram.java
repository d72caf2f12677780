package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A captioned histogram in inline SVG: one column per bin of a JSON array of {@code {from, to,
 * <count>}} (both ends inclusive, {@code to} null for an open last bin), in the array's order, at
 * most {@value #MAX_BINS} of them. Each column carries its count above it and its range below, and
 * a tooltip with both.
 */
final class Histogram {
  static final int MAX_BINS = 60;

  private static final int HEIGHT = 120;
  private static final int TOP = 18;
  private static final int BOTTOM = 34;
  private static final int WIDTH = 600;
  private static final int MAX_SLOT = 56;

  private Histogram() {}

  static void render(Html html, String title, String unit, JsonNode bins, String countField) {
    html.raw("<figure class=\"histogram\"><figcaption>").text(title).raw("</figcaption>");
    if (bins.size() == 0) {
      html.raw("<p class=\"none\">none</p></figure>\n");
      return;
    }
    int n = Math.min(bins.size(), MAX_BINS);
    long max = 1;
    long total = 0;
    for (int i = 0; i < n; i++) {
      long count = bins.get(i).path(countField).asLong();
      max = Math.max(max, count);
      total += count;
    }
    double slot = Math.min(MAX_SLOT, (double) WIDTH / n);
    long width = Math.round(slot * n);
    double barWidth = Math.max(2, slot - Math.min(6, slot / 5));
    int labelEvery = Math.max(1, (int) Math.ceil(n / 14.0));
    html.raw("<svg role=\"img\" viewBox=\"0 0 ")
        .raw(width)
        .raw(" ")
        .raw(TOP + HEIGHT + BOTTOM)
        .raw("\" width=\"")
        .raw(width)
        .raw("\" height=\"")
        .raw(TOP + HEIGHT + BOTTOM)
        .raw("\"><title>")
        .text(title)
        .raw("</title><line class=\"axis\" x1=\"0\" x2=\"")
        .raw(width)
        .raw("\" y1=\"")
        .raw(TOP + HEIGHT)
        .raw("\" y2=\"")
        .raw(TOP + HEIGHT)
        .raw("\"/>");
    for (int i = 0; i < n; i++) {
      JsonNode bin = bins.get(i);
      long count = bin.path(countField).asLong();
      long height = count == 0 ? 0 : Math.max(1, Math.round((double) HEIGHT * count / max));
      double x = i * slot + (slot - barWidth) / 2;
      double middle = i * slot + slot / 2;
      String range = range(bin);
      html.raw("<rect x=\"")
          .raw(Html.decimal(x))
          .raw("\" y=\"")
          .raw(TOP + HEIGHT - height)
          .raw("\" width=\"")
          .raw(Html.decimal(barWidth))
          .raw("\" height=\"")
          .raw(height)
          .raw("\"><title>")
          .raw(range)
          .raw(' ' + unit + ": ")
          .raw(Html.count(count))
          .raw(" (")
          .raw(Html.percent(total == 0 ? 0 : (double) count / total))
          .raw(")</title></rect>");
      if (count > 0 && n <= 30) {
        html.raw("<text class=\"n\" x=\"")
            .raw(Html.decimal(middle))
            .raw("\" y=\"")
            .raw(TOP + HEIGHT - height - 4)
            .raw("\">")
            .raw(Html.count(count))
            .raw("</text>");
      }
      if (i % labelEvery == 0) {
        html.raw("<text class=\"tick\" x=\"")
            .raw(Html.decimal(middle))
            .raw("\" y=\"")
            .raw(TOP + HEIGHT + 16)
            .raw("\">")
            .raw(n <= 10 ? tick(bin, true) : tick(bin, false))
            .raw("</text>");
      }
    }
    html.raw("</svg>");
    if (bins.size() > n) {
      html.raw("<p class=\"none\">and ").raw(Html.count(bins.size() - n)).raw(" more bins</p>");
    }
    html.raw("</figure>\n");
  }

  /** A short axis label: the bin's range, or its start only when columns are narrow. */
  static String tick(JsonNode bin, boolean whole) {
    String from = compact(bin.path("from").asLong());
    JsonNode to = bin.path("to");
    if (to.isNull()) {
      return from + "+";
    }
    String end = compact(to.asLong());
    return !whole || from.equals(end) ? from : from + "–" + end;
  }

  /** 999, 1024, 12k, 1.5M. */
  static String compact(long n) {
    if (n < 10_000) {
      return Long.toString(n);
    }
    if (n < 1_000_000) {
      return n / 1_000 + "k";
    }
    return Html.decimal(Math.floor(n / 100_000.0) / 10) + "M";
  }

  /** "3", "5–8" or "65+": a bin's range, escaped. */
  static String range(JsonNode bin) {
    String from = Html.value(bin.path("from"));
    JsonNode to = bin.path("to");
    if (to.isNull()) {
      return from + "+";
    }
    String end = Html.value(to);
    return from.equals(end) ? from : from + "–" + end;
  }
}
