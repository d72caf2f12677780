package dev.sift.transforms.ingest;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Reason;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.SiftSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Parses a JSON Lines file of OpenAI or ShareGPT records outside a pipeline, with the reader and
 * parser {@link ReadConversations} runs inside one: for benchmarks that time parsing alone.
 */
public final class JsonLinesParsing {

  private JsonLinesParsing() {}

  /**
   * Reads every line of {@code in} (named {@code file}) and hands each conversation to {@code
   * conversations}.
   *
   * @return how many records were dead-lettered instead
   */
  public static long parse(
      InputStream in, String file, SiftSpec spec, Consumer<Conversation> conversations)
      throws IOException {
    FileContext context = FileContext.of(file, spec.ingest(), spec.taskField(), InputFormat.AUTO);
    CountingSink sink = new CountingSink(conversations);
    new JsonLinesReader().read(in, context, sink);
    return sink.deadLetters;
  }

  private static final class CountingSink implements RecordSink {
    private final Consumer<Conversation> conversations;
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
      throw new IllegalStateException("JSON Lines holds no CSV rows");
    }
  }
}
