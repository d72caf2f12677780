package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A captioned horizontal bar chart in inline SVG of a JSON object of counts (name to number), in
 * the object's order, at most {@value #MAX_BARS} bars and a line saying how many more there are.
 */
final class BarChart {
  static final int MAX_BARS = 50;

  private static final int LABEL_WIDTH = 170;
  private static final int BAR_WIDTH = 250;
  private static final int ROW = 22;

  /**
   * One bar: its label, count, CSS class (empty for the default colour) and a note after the count
   * (empty for none).
   */
  record Bar(String label, long count, String kind, String note) {}

  private BarChart() {}

  static void render(Html html, String title, JsonNode counts) {
    List<Bar> bars = new ArrayList<>();
    counts
        .fields()
        .forEachRemaining(f -> bars.add(new Bar(f.getKey(), f.getValue().asLong(), "", "")));
    render(html, title, bars, bars.size());
  }

  /** {@code total}: how many bars there are in all, of which {@code bars} are the ones to draw. */
  static void render(Html html, String title, List<Bar> bars, int total) {
    html.raw("<figure class=\"bars\"><figcaption>").text(title).raw("</figcaption>");
    if (bars.isEmpty()) {
      html.raw("<p class=\"none\">none</p></figure>\n");
      return;
    }
    int rows = Math.min(bars.size(), MAX_BARS);
    long max = 1;
    for (Bar bar : bars.subList(0, rows)) {
      max = Math.max(max, bar.count());
    }
    html.raw("<svg role=\"img\" viewBox=\"0 0 ")
        .raw(LABEL_WIDTH + BAR_WIDTH + 80)
        .raw(" ")
        .raw(rows * ROW)
        .raw("\" width=\"")
        .raw(LABEL_WIDTH + BAR_WIDTH + 80)
        .raw("\" height=\"")
        .raw(rows * ROW)
        .raw("\"><title>")
        .text(title)
        .raw("</title>");
    for (int row = 0; row < rows; row++) {
      Bar bar = bars.get(row);
      int y = row * ROW;
      long width =
          bar.count() == 0 ? 0 : Math.max(2, Math.round((double) BAR_WIDTH * bar.count() / max));
      String kind = bar.kind().isEmpty() ? "" : " class=\"" + bar.kind() + "\"";
      html.raw("<text class=\"label\" x=\"")
          .raw(LABEL_WIDTH - 8)
          .raw("\" y=\"")
          .raw(y + 15)
          .raw("\">")
          .text(shorten(bar.label()))
          .raw("</text><rect")
          .raw(kind)
          .raw(" x=\"")
          .raw(LABEL_WIDTH)
          .raw("\" y=\"")
          .raw(y + 4)
          .raw("\" width=\"")
          .raw(width)
          .raw("\" height=\"15\"/><text x=\"")
          .raw(LABEL_WIDTH + width + 6)
          .raw("\" y=\"")
          .raw(y + 15)
          .raw("\">")
          .raw(Html.count(bar.count()))
          .raw(bar.note().isEmpty() ? "" : "  ")
          .text(bar.note())
          .raw("</text>");
    }
    html.raw("</svg>");
    if (total > rows) {
      html.raw("<p class=\"none\">and ").raw(Html.count(total - rows)).raw(" more</p>");
    }
    html.raw("</figure>\n");
  }

  static String shorten(String label) {
    return Html.cut(label, 30);
  }
}
