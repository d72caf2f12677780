package dev.sift.transforms.ingest;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Reason;
import dev.sift.schemas.spec.TranscriptSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plain-text transcripts: the file is cut into blocks by the spec's delimiter (a delimiter line,
 * blank lines, or none for one conversation per file) and each block is one record.
 */
final class TranscriptReader implements FormatReader {
  private static final String FORMAT = InputFormat.TRANSCRIPT.code();

  @Override
  public void read(InputStream in, FileContext context, RecordSink sink) throws IOException {
    TranscriptSpec spec = context.ingest().transcript();
    TranscriptParser parser = new TranscriptParser(spec.speakers());
    int maxBytes = context.ingest().maxRecordBytes();
    LineReader lines = new LineReader(in, maxBytes);
    Block block = new Block(maxBytes);
    long ordinal = 0;
    for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
      if (isDelimiter(spec.delimiter(), line)) {
        if (block.hasText()) {
          emit(block, ++ordinal, parser, context, sink);
        }
        block = new Block(maxBytes);
      } else {
        block.add(line);
      }
    }
    if (block.hasText()) {
      emit(block, ++ordinal, parser, context, sink);
    }
  }

  private static boolean isDelimiter(String delimiter, LineReader.Line line) {
    return switch (delimiter) {
      case TranscriptSpec.NONE -> false;
      case TranscriptSpec.BLANK_LINE -> line.blank();
      default -> !line.tooLarge() && line.lossyText().strip().equals(delimiter);
    };
  }

  private static void emit(
      Block block, long ordinal, TranscriptParser parser, FileContext context, RecordSink sink) {
    var source = context.source(block.firstLine, ordinal, FORMAT);
    String raw = String.join("\n", block.lines);
    if (block.bytes > block.maxBytes) {
      sink.deadLetter(
          source,
          Reason.RECORD_TOO_LARGE,
          "transcript block is "
              + block.bytes
              + " bytes, over ingest.maxRecordBytes="
              + block.maxBytes,
          raw);
    } else if (block.utf8Problem != null) {
      sink.deadLetter(source, Reason.INVALID_UTF8, block.utf8Problem, raw);
    } else {
      try {
        List<Message> messages = parser.parse(block.lines, block.firstLine);
        sink.conversation(Conversation.of(context.folderTask(), source, messages, Map.of()));
      } catch (RecordException e) {
        sink.deadLetter(source, e.reason(), e.problem(), raw);
      }
    }
  }

  /** The lines of one block, kept only up to the size bound. */
  private static final class Block {
    final int maxBytes;
    final List<String> lines = new ArrayList<>();
    long firstLine;
    long bytes;
    boolean hasText;
    String utf8Problem;

    Block(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    void add(LineReader.Line line) {
      if (firstLine == 0) {
        if (line.blank()) {
          return;
        }
        firstLine = line.number();
      }
      hasText |= !line.blank();
      bytes += line.length() + 1;
      if (bytes > maxBytes) {
        return;
      }
      try {
        lines.add(line.text());
      } catch (LineReader.InvalidUtf8Exception e) {
        lines.add(line.lossyText());
        if (utf8Problem == null) {
          utf8Problem = "line " + line.number() + ": " + e.getMessage();
        }
      }
    }

    boolean hasText() {
      return hasText;
    }
  }
}
