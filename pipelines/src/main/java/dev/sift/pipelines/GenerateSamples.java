package dev.sift.pipelines;

import dev.sift.transforms.generate.SupportConversationGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Writes the generated billing sample task ({@link SupportConversationGenerator}) to a file, e.g.
 * {@code --output=samples/logs/billing/billing-sessions.jsonl.gz}. Not a pipeline: one sequential
 * write, through Beam's filesystems so that any of them works as the destination.
 */
public final class GenerateSamples {

  private GenerateSamples() {}

  public static void main(String[] args) throws IOException {
    PipelineOptionsFactory.register(GenerateOptions.class);
    run(PipelineOptionsFactory.fromArgs(args).withValidation().as(GenerateOptions.class));
  }

  static void run(GenerateOptions options) throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    String path = options.getOutput();
    ResourceId resource = FileSystems.matchNewResource(path, false);
    try (OutputStream out = open(resource, path.endsWith(".gz"))) {
      SupportConversationGenerator.write(out, options.getSeed(), options.getCount());
    }
    System.out.println(
        "Wrote "
            + options.getCount()
            + " billing conversations ("
            + SupportConversationGenerator.duplicates(options.getCount())
            + " repeated verbatim, seed "
            + options.getSeed()
            + ") to "
            + resource);
  }

  private static OutputStream open(ResourceId resource, boolean gzip) throws IOException {
    OutputStream raw =
        Channels.newOutputStream(FileSystems.create(resource, "application/octet-stream"));
    return gzip ? new GZIPOutputStream(raw) : raw;
  }
}
