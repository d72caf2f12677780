package dev.sift.transforms.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a file splits into lines, written apart from {@link LineReader} as the fuzz tests' oracle:
 * lines end at LF; a CR before it and a byte-order mark at the start of the file are not part of a
 * line; nothing after the last LF is no line.
 */
final class LineModel {
  /** A line's bytes, whether it is over the bound, and whether it is only spaces and tabs. */
  record Line(byte[] bytes, boolean tooLarge, boolean blank) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private LineModel() {}

  static List<Line> lines(byte[] file, int maxBytes) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= file.length; i++) {
      if (i < file.length && file[i] != '\n') {
        continue;
      }
      if (i == file.length && start == i) {
        break;
      }
      int from = start;
      int to = i;
      boolean tooLarge = to - from > maxBytes;
      if (start == 0 && startsWith(file, HostileInputs.BYTE_ORDER_MARK)) {
        from += HostileInputs.BYTE_ORDER_MARK.length;
      }
      if (!tooLarge && to > from && file[to - 1] == '\r') {
        to--;
      }
      byte[] bytes = Arrays.copyOfRange(file, from, Math.max(from, to));
      lines.add(new Line(bytes, tooLarge, isBlank(bytes)));
      start = i + 1;
    }
    return lines;
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
  }
}
