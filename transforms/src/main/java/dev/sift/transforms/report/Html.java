package dev.sift.transforms.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The page being written, and how values reach it: {@link #text} escapes everything from the data
 * (Commons Text), {@link #raw} is for the page's own markup only. Numbers are formatted the same
 * way on every machine (no default locale), so the same report gives the same bytes.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(65_536);

  /** The page's own markup, never data. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html raw(long number) {
    out.append(number);
    return this;
  }

  /** Text from the data, escaped. */
  Html text(String text) {
    out.append(escapeHtml4(text));
    return this;
  }

  /** A JSON value from the data as text, escaped: numbers formatted, containers as JSON. */
  Html text(JsonNode value) {
    return raw(value(value));
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** A JSON value as escaped text: a dash for missing or null. */
  static String value(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "–";
    }
    if (value.isIntegralNumber()) {
      return count(value.asLong());
    }
    if (value.isNumber()) {
      return decimal(value.asDouble());
    }
    return escapeHtml4(value.isValueNode() ? value.asText() : value.toString());
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** At most four decimals, trailing zeros dropped: 0.75, 0.0208, 250. */
  static String decimal(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return Double.toString(x);
    }
    String plain =
        BigDecimal.valueOf(x)
            .setScale(4, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString();
    return plain.equals("-0") ? "0" : plain;
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  /** The text cut to at most {@code max} characters with an ellipsis, never inside a pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  static String escape(String text) {
    return escapeHtml4(text);
  }
}
