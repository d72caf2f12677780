package dev.sift.bench.scale;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.StageOutputs;
import dev.sift.transforms.anonymize.AnonymizeConversations;
import dev.sift.transforms.ingest.InputFormat;
import dev.sift.transforms.ingest.ReadConversations;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The runner's floor for an input: a pipeline that only reads every record into Sift's canonical
 * conversations (curate's first stage, unchanged) and counts them. No curate run on the same runner
 * can take less; the scale bench runs it in a JVM of its own, as it runs curate. With {@code
 * --anonymize}, every conversation also goes through curate's anonymise stage before it is counted:
 * the difference between the two runs is what that stage costs in the pipeline.
 */
public final class ReadOnlyPipeline {
  /** The input, as curate's. */
  public interface Options extends PipelineOptions {
    @Description("Input files or glob, as curate's --input")
    @Validation.Required
    String getInput();

    void setInput(String input);

    @Description("Also anonymise every conversation read, with the standard spec, before counting")
    @Default.Boolean(false)
    boolean getAnonymize();

    void setAnonymize(boolean anonymize);
  }

  private ReadOnlyPipeline() {}

  public static void main(String[] args) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    Pipeline pipeline = Pipeline.create(options);
    PCollectionTuple read =
        pipeline.apply(
            "ReadConversations",
            ReadConversations.from(
                List.of(options.getInput()), SiftSpec.standard(), InputFormat.AUTO));
    PCollection<Conversation> conversations = read.get(StageOutputs.CONVERSATIONS);
    if (options.getAnonymize()) {
      PCollectionTuple anonymized =
          conversations.apply(
              "AnonymizeConversations",
              AnonymizeConversations.withSpec(SiftSpec.standard().anonymize()));
      anonymized
          .get(AnonymizeConversations.ENTITIES)
          .apply("CountEntityTypes", Count.globally())
          .apply("PrintEntityTypes", ParDo.of(new PrintFn("entity types per conversation")));
      conversations = anonymized.get(StageOutputs.CONVERSATIONS);
    }
    conversations
        .apply("CountConversations", Count.globally())
        .apply("PrintConversations", ParDo.of(new PrintFn("conversations")));
    read.get(StageOutputs.DEAD_LETTERS)
        .apply("CountDeadLetters", Count.globally())
        .apply("PrintDeadLetters", ParDo.of(new PrintFn("dead letters")));
    pipeline.run().waitUntilFinish();
  }

  private static final class PrintFn extends DoFn<Long, Void> {
    private final String what;

    PrintFn(String what) {
      this.what = what;
    }

    @ProcessElement
    public void processElement(@Element Long count) {
      System.out.println(what + " read: " + count);
    }
  }
}
