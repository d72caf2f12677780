package dev.sift.pipelines;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of {@link RenderReport}. */
public interface ReportOptions extends PipelineOptions {

  @Description(
      "The quality-report.json of a run (e.g. out/report/quality-report.json), on any Beam"
          + " filesystem.")
  @Validation.Required
  String getReport();

  void setReport(String value);

  @Description("Where to write the page; default: index.html beside the report.")
  String getPage();

  void setPage(String value);
}
