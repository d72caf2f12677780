package dev.sift.transforms.ingest;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.Reason;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.accounting.Accounting;
import java.io.IOException;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one input file ({@link InputFileReader}) into conversations, CSV turns (grouped later) and
 * dead letters. Nothing a file holds is lost: when reading stops early (a corrupt gzip stream, an
 * I/O error), the unread rest is one dead letter.
 */
final class ParseFilesFn extends DoFn<FileIO.ReadableFile, Conversation> {
  static final TupleTag<KV<String, CsvTurn>> CSV_TURNS = new TupleTag<>() {};

  private static final Logger LOG = LoggerFactory.getLogger(ParseFilesFn.class);

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
    try {
      InputFileReader.read(path, Channels.newInputStream(file.open()), context, sink);
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
