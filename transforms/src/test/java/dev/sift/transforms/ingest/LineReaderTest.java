package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  @Test
  void splitsOnNewlinesAndDropsCarriageReturnsAndTheByteOrderMark() throws Exception {
    LineReader reader = reader("\uFEFFfirst\r\nsecond\nlast", 100);
    assertEquals("first", reader.next().text());
    LineReader.Line second = reader.next();
    assertEquals(2, second.number());
    assertEquals("second", second.text());
    assertEquals("last", reader.next().text());
    assertNull(reader.next());
  }

  @Test
  void keepsOnlyTheBoundOfAnOverlongLineButCountsItAll() throws Exception {
    String longLine = "x".repeat(200_000);
    LineReader reader = reader(longLine + "\nnext\n", 1_000);
    LineReader.Line line = reader.next();
    assertTrue(line.tooLarge());
    assertEquals(1_000, line.bytes().length);
    assertEquals(200_000, line.length());
    LineReader.Line next = reader.next();
    assertFalse(next.tooLarge());
    assertEquals("next", next.text());
    assertEquals(2, next.number());
  }

  @Test
  void reportsTheColumnOfInvalidUtf8() throws IOException {
    byte[] bytes = {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '!', '\n'};
    LineReader reader = new LineReader(new ByteArrayInputStream(bytes), 100);
    reader.next();
    LineReader.Line bad = reader.next();
    LineReader.InvalidUtf8Exception error =
        assertThrows(LineReader.InvalidUtf8Exception.class, bad::text);
    assertEquals("invalid UTF-8 byte 0xE9 at column 4", error.getMessage());
    assertEquals("caf\uFFFD!", bad.lossyText());
  }

  @Test
  void anEmptyLineIsALine() throws IOException {
    LineReader reader = reader("\n\n", 10);
    assertArrayEquals(new byte[0], reader.next().bytes());
    assertEquals(2, reader.next().number());
    assertNull(reader.next());
  }

  private static LineReader reader(String text, int maxBytes) {
    return new LineReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes);
  }
}
