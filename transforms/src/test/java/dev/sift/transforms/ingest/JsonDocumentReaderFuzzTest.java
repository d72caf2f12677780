package dev.sift.transforms.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes {@link JsonDocumentReader}: whatever the bytes, it throws nothing; in a document that is
 * valid JSON, every element is one record (parsed, or dead-lettered as too large or not UTF-8)
 * whatever its strings and numbers hold; cut short anywhere, every element before the cut is a
 * record and the rest one dead letter.
 */
class JsonDocumentReaderFuzzTest {

  /**
   * A document's bytes, the byte offsets where each element starts and ends, and where the array
   * that holds them ends (0 for records one after another).
   */
  record Document(
      byte[] bytes, List<Integer> elementStarts, List<Integer> elementEnds, int arrayEnd) {

    /** Whether a copy cut at {@code cut} ends inside a value, so the parser meets its end. */
    boolean cutInside(int cut) {
      if (cut == 0) {
        return false;
      }
      if (arrayEnd > 0) {
        return cut < arrayEnd;
      }
      for (int i = 0; i < elementStarts.size(); i++) {
        if (elementStarts.get(i) < cut && cut < elementEnds.get(i)) {
          return true;
        }
      }
      return false;
    }
  }

  @Property(tries = 10_000)
  void everyElementOfAValidDocumentIsOneRecord(
      @ForAll("validDocuments") Document document, @ForAll("bounds") int maxBytes)
      throws IOException {
    RecordingSink sink = read(document.bytes(), maxBytes);
    assertEquals(document.elementEnds().size(), sink.records());
  }

  @Property(tries = 10_000)
  void hostileDocumentsAreReadOrDeadLettered(
      @ForAll("hostileDocuments") byte[] file, @ForAll("bounds") int maxBytes) throws IOException {
    assertSomethingForEveryText(file, maxBytes);
  }

  @Property(tries = 10_000)
  void randomBytesAreReadOrDeadLettered(
      @ForAll("randomBytes") byte[] file, @ForAll("bounds") int maxBytes) throws IOException {
    assertSomethingForEveryText(file, maxBytes);
  }

  @Property(tries = 60)
  void everyTruncationKeepsTheElementsBeforeIt(
      @ForAll("documentsOfRecords") Document document, @ForAll("bounds") int maxBytes)
      throws IOException {
    byte[] bytes = document.bytes();
    int length = Math.min(bytes.length, 1_500);
    for (int cut = 0; cut <= length; cut++) {
      int end = cut;
      long complete = document.elementEnds().stream().filter(at -> at <= end).count();
      long rest = document.cutInside(cut) ? 1 : 0;
      assertEquals(
          complete + rest, read(Arrays.copyOf(bytes, cut), maxBytes).records(), "cut at " + cut);
    }
  }

  /** A document that is not valid JSON in valid UTF-8 gives at least one dead letter. */
  private static void assertSomethingForEveryText(byte[] file, int maxBytes) throws IOException {
    RecordingSink sink = read(file, maxBytes);
    assertTrue(isValidJson(file) || !sink.deadLetters.isEmpty(), "a dead letter for bad JSON");
  }

  /** Strict UTF-8 (after a byte-order mark) holding JSON values one after another. */
  private static boolean isValidJson(byte[] file) {
    int start = file.length >= 3 && (file[0] & 0xff) == 0xEF ? 3 : 0;
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(file, start, file.length - start))
              .toString();
      try (JsonParser parser = new JsonFactory().createParser(text)) {
        while (parser.nextToken() != null) {
          // Every token, to the end.
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static RecordingSink read(byte[] file, int maxBytes) throws IOException {
    return RecordingSink.read(
        new JsonDocumentReader(), file, HostileInputs.ingest(maxBytes, "---"));
  }

  /**
   * An array of records and other values, or records one after another; elements are valid JSON
   * with hostile content: invalid UTF-8 inside strings, strings over the bound, long numbers.
   */
  @Provide
  Arbitrary<Document> validDocuments() {
    return HostileInputs.from(true, in -> document(in, true));
  }

  /** Documents whose elements are all objects, so that no cut leaves a whole value behind. */
  @Provide
  Arbitrary<Document> documentsOfRecords() {
    return HostileInputs.from(true, in -> document(in, false));
  }

  private static Document document(HostileInputs in, boolean scalars) {
    {
      {
        boolean array = in.chance(0.7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        out.writeBytes(array ? new byte[] {'['} : new byte[0]);
        for (int i = in.below(8); i > 0; i--) {
          String element = array && scalars && in.chance(0.3) ? in.jsonValue(2) : in.chatRecord();
          if (!array && !element.startsWith("{")) {
            element = "{\"value\":" + element + "}";
          }
          starts.add(out.size());
          out.writeBytes(in.withInvalidUtf8(element));
          ends.add(out.size());
          out.writeBytes(in.chance(0.5) ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
          if (array && i > 1) {
            out.write(',');
          }
        }
        out.writeBytes(array ? new byte[] {']'} : new byte[0]);
        int arrayEnd = array ? out.size() : 0;
        out.writeBytes(in.chance(0.5) ? new byte[] {'\n'} : new byte[0]);
        return new Document(out.toByteArray(), starts, ends, arrayEnd);
      }
    }
  }

  @Provide
  Arbitrary<byte[]> hostileDocuments() {
    return HostileInputs.from(
        false,
        in -> {
          List<String> elements = in.lines(8, HostileInputs::jsonLine);
          String joiner = in.chance(0.5) ? ",\n" : "\n";
          return in.joined(
              List.of(
                  (in.chance(0.7) ? "[" : "")
                      + String.join(joiner, elements)
                      + (in.chance(0.8) ? "]" : "")));
        });
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return HostileInputs.randomBytes();
  }

  @Provide
  Arbitrary<Integer> bounds() {
    return HostileInputs.maxRecordBytes();
  }
}
