package dev.sift.transforms.ingest;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Reason;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.SiftSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Parses one input file of any supported format outside a pipeline, with the readers {@link
 * ReadConversations} runs inside one, CSV rows assembled into their conversations as there: for
 * benchmarks that time parsing alone.
 */
public final class FileParsing {

  private FileParsing() {}

  /**
   * Reads all of {@code in} (named {@code file}, its format recognised as {@code --format=auto}
   * does) and hands each conversation to {@code conversations}. Where reading stops early (a gzip
   * stream cut short, an I/O error), the unread rest counts as one dead letter, as in a pipeline.
   *
   * @return how many records were dead-lettered instead
   */
  public static long parse(
      InputStream in, String file, SiftSpec spec, Consumer<Conversation> conversations) {
    FileContext context = FileContext.of(file, spec.ingest(), spec.taskField(), InputFormat.AUTO);
    CountingSink sink = new CountingSink(conversations);
    try {
      InputFileReader.read(file, in, context, sink);
    } catch (IOException unreadRest) {
      sink.deadLetters++;
    }
    for (List<CsvTurn> rows : AssembleCsvConversationsFn.byConversation(sink.csvTurns)) {
      try {
        conversations.accept(
            AssembleCsvConversationsFn.assemble(
                rows, AssembleCsvConversationsFn.sourceOf(rows), spec.taskField()));
      } catch (RecordException e) {
        sink.deadLetters++;
      }
    }
    return sink.deadLetters;
  }

  private static final class CountingSink implements RecordSink {
    private final Consumer<Conversation> conversations;
    private final List<CsvTurn> csvTurns = new ArrayList<>();
    long deadLetters;

    CountingSink(Consumer<Conversation> conversations) {
      this.conversations = conversations;
    }

    @Override
    public void conversation(Conversation conversation) {
      conversations.accept(conversation);
    }

    @Override
    public void deadLetter(SourceRef source, Reason reason, String problem, String raw) {
      deadLetters++;
    }

    @Override
    public void csvTurn(CsvTurn turn) {
      csvTurns.add(turn);
    }
  }
}
