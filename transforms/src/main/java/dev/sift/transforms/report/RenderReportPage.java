package dev.sift.transforms.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.write.OutputLayout;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The report page ({@code report/index.html}) as a file entry for {@code WriteSortedFiles},
 * rendered by {@link ReportPage} from the {@code report/quality-report.json} entry among its
 * input's.
 */
public final class RenderReportPage
    extends PTransform<
        PCollection<KV<String, KV<String, String>>>, PCollection<KV<String, KV<String, String>>>> {

  private RenderReportPage() {}

  public static RenderReportPage fromReport() {
    return new RenderReportPage();
  }

  @Override
  public PCollection<KV<String, KV<String, String>>> expand(
      PCollection<KV<String, KV<String, String>>> files) {
    return files
        .apply("SelectReport", Filter.by(file -> file.getKey().equals(OutputLayout.REPORT)))
        .apply(
            "RenderPage",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.strings(),
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())))
                .via(
                    report ->
                        KV.of(
                            OutputLayout.REPORT_PAGE,
                            KV.of("", page(report.getValue().getValue())))));
  }

  /** The page of a report's JSON text. */
  public static String page(String reportJson) {
    try {
      return ReportPage.render(Json.mapper().readTree(reportJson));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("The quality report is not JSON", e);
    }
  }
}
