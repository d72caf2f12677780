package dev.sift.pipelines;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.sift.transforms.report.RenderReportPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code ./sift report}: renders the report page again from a run's {@code quality-report.json},
 * the page's only source, e.g. after editing the JSON or upgrading Sift. Not a pipeline: one read
 * and one write, through Beam's filesystems so that any of them works.
 */
public final class RenderReport {

  private RenderReport() {}

  public static void main(String[] args) throws IOException {
    PipelineOptionsFactory.register(ReportOptions.class);
    run(PipelineOptionsFactory.fromArgs(args).withValidation().as(ReportOptions.class));
  }

  static ResourceId run(ReportOptions options) throws IOException {
    FileSystems.setDefaultPipelineOptions(options);
    ResourceId report = FileSystems.matchSingleFileSpec(options.getReport()).resourceId();
    String json;
    try (InputStream in = Channels.newInputStream(FileSystems.open(report))) {
      json = new String(in.readAllBytes(), UTF_8);
    }
    ResourceId page =
        options.getPage() == null
            ? report
                .getCurrentDirectory()
                .resolve("index.html", StandardResolveOptions.RESOLVE_FILE)
            : FileSystems.matchNewResource(options.getPage(), false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(page, "text/html"))) {
      out.write((RenderReportPage.page(json) + "\n").getBytes(UTF_8));
    }
    System.out.println("Report page: " + page);
    return page;
  }
}
