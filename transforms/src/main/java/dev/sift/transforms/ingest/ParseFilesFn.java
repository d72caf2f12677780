package dev.sift.transforms.ingest;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Reason;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.accounting.Accounting;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one input file into conversations, CSV turns (grouped later) and dead letters. Gzip is
 * recognised by its magic bytes, whatever the file is called. Nothing a file holds is lost: when
 * reading stops early (a corrupt gzip stream, an I/O error), the unread rest is one dead letter.
 */
final class ParseFilesFn extends DoFn<FileIO.ReadableFile, Conversation> {
  static final TupleTag<KV<String, CsvTurn>> CSV_TURNS = new TupleTag<>() {};

  private static final Logger LOG = LoggerFactory.getLogger(ParseFilesFn.class);

  private static final int HEAD_BYTES = 64 * 1024;
  private static final int BUFFER_BYTES = 256 * 1024;

  private final SiftSpec spec;
  private final InputFormat format;

  ParseFilesFn(SiftSpec spec, InputFormat format) {
    this.spec = spec;
    this.format = format;
  }

  @ProcessElement
  public void processElement(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    String path = file.getMetadata().resourceId().toString();
    FileContext context = FileContext.of(path, spec.ingest(), spec.taskField(), format);
    Sink sink = new Sink(out, spec.ingest().deadLetterRawChars());
    try (HeadReplayStream in = new HeadReplayStream(open(file), HEAD_BYTES)) {
      String head = new String(in.head(), StandardCharsets.UTF_8);
      Optional<FormatReader> reader = FormatSniffer.readerFor(path, head, context);
      if (reader.isEmpty()) {
        if (!head.isBlank()) {
          sink.deadLetter(
              context.source(0, 0, "unknown"),
              Reason.UNKNOWN_FORMAT,
              "no supported format recognised (use a .jsonl, .json, .csv or .txt name, or --format)",
              head);
        }
        return;
      }
      reader.get().read(in, context, sink);
    } catch (IOException e) {
      deadLetterRest(context, sink, e);
    } catch (RuntimeException e) {
      // A reader failed on input it should have handled: keep the run and the accounting whole,
      // and make the failure loud, since it is a bug to fix.
      LOG.error("Reading {} failed unexpectedly; its unread rest is dead-lettered", path, e);
      deadLetterRest(context, sink, e);
    }
  }

  /** The rest of a file that could not be read, as one dead letter after the last record read. */
  private static void deadLetterRest(FileContext context, Sink sink, Exception e) {
    sink.deadLetter(
        context.source(
            sink.lastLine + 1, sink.lastRecord + 1, JsonRecords.unknownOrForced(context)),
        Reason.UNREADABLE_FILE,
        "reading stopped after line "
            + sink.lastLine
            + ": "
            + e
            + "; the rest of the file was not read",
        "");
  }

  /**
   * The file's bytes, decompressed when they start with the gzip magic number. The decompressed
   * stream is not buffered: see {@link HeadReplayStream}.
   */
  private static InputStream open(FileIO.ReadableFile file) throws IOException {
    BufferedInputStream raw =
        new BufferedInputStream(Channels.newInputStream(file.open()), BUFFER_BYTES);
    raw.mark(2);
    int first = raw.read();
    int second = raw.read();
    raw.reset();
    boolean gzip = first == 0x1f && second == 0x8b;
    return gzip ? new GZIPInputStream(raw, BUFFER_BYTES) : raw;
  }

  /** Routes a reader's records to the DoFn's outputs, counting and remembering the last place. */
  private static final class Sink implements RecordSink {
    private final MultiOutputReceiver out;
    private final int rawLimit;
    long lastLine;
    long lastRecord;

    Sink(MultiOutputReceiver out, int rawLimit) {
      this.out = out;
      this.rawLimit = rawLimit;
    }

    @Override
    public void conversation(Conversation conversation) {
      advance(conversation.getSource());
      Accounting.read();
      out.get(StageOutputs.CONVERSATIONS).output(conversation);
    }

    @Override
    public void deadLetter(SourceRef source, Reason reason, String problem, String raw) {
      advance(source);
      Accounting.read();
      Accounting.deadLettered(reason.code());
      out.get(StageOutputs.DEAD_LETTERS)
          .output(
              DeadLetter.create(
                  source, "", ReadConversations.STAGE, reason, problem, raw, rawLimit));
    }

    @Override
    public void csvTurn(CsvTurn turn) {
      lastLine = Math.max(lastLine, turn.getLine());
      lastRecord = Math.max(lastRecord, turn.getRow());
      out.get(CSV_TURNS).output(KV.of(AssembleCsvConversationsFn.groupOf(turn), turn));
    }

    private void advance(SourceRef source) {
      lastLine = Math.max(lastLine, source.getLine());
      lastRecord = Math.max(lastRecord, source.getRecord());
    }
  }
}
