package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Any JSON value as nested tables and lists, for the parts of the report without a layout of their
 * own (settings, and fields a newer report may add): the page still shows them. At most {@value
 * #MAX_ROWS} rows or items of each object or list.
 */
final class JsonTable {
  static final int MAX_ROWS = 50;

  private JsonTable() {}

  /** A value under its name. */
  static void named(Html html, String name, JsonNode value) {
    html.raw("<h3>").text(name).raw("</h3>");
    value(html, value);
  }

  static void value(Html html, JsonNode value) {
    if (value.isObject()) {
      table(html, value);
    } else if (value.isArray()) {
      html.raw("<ol>");
      int shown = 0;
      for (JsonNode item : value) {
        if (shown++ == MAX_ROWS) {
          html.raw("<li class=\"none\">and ")
              .raw(Html.count(value.size() - MAX_ROWS))
              .raw(" more</li>");
          break;
        }
        html.raw("<li>");
        value(html, item);
        html.raw("</li>");
      }
      html.raw("</ol>");
    } else {
      html.raw("<span class=\"v\">").text(value).raw("</span>");
    }
  }

  static void table(Html html, JsonNode object) {
    html.raw("<table class=\"kv\">");
    int shown = 0;
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (shown++ == MAX_ROWS) {
        html.raw("<tr><td colspan=\"2\" class=\"none\">and ")
            .raw(Html.count(object.size() - MAX_ROWS))
            .raw(" more</td></tr>");
        break;
      }
      html.raw("<tr><th>").text(field.getKey()).raw("</th><td>");
      value(html, field.getValue());
      html.raw("</td></tr>");
    }
    html.raw("</table>\n");
  }

  /** The fields of {@code object} not in {@code shown}, in order. */
  static Map<String, JsonNode> fieldsExcept(JsonNode object, Set<String> shown) {
    Map<String, JsonNode> others = new LinkedHashMap<>();
    object
        .fields()
        .forEachRemaining(
            field -> {
              if (!shown.contains(field.getKey())) {
                others.put(field.getKey(), field.getValue());
              }
            });
    return others;
  }
}
