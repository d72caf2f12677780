package dev.sift.transforms.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes entries {@code (file, (sortKey, text))} so that each file holds its entries' texts, one
 * per line, sorted by sort key (then text): the same entries give the same bytes on every runner,
 * whatever order they arrive in.
 *
 * <p>No worker holds a whole file: entries are grouped by file and by the first character of their
 * sort key, each range is sorted in memory and written as a part, and the parts are concatenated in
 * range order. Sort keys that are hex hashes (conversation ids) spread a file over 16 ranges. A
 * file is written under a temporary name and renamed, so readers never see half of it.
 */
public final class WriteSortedFiles
    extends PTransform<PCollection<KV<String, KV<String, String>>>, PCollection<String>> {

  private final String outputDir;

  private WriteSortedFiles(String outputDir) {
    this.outputDir = outputDir;
  }

  /** Files are named relative to {@code outputDir}, e.g. {@code tasks/billing/train.jsonl}. */
  public static WriteSortedFiles to(String outputDir) {
    return new WriteSortedFiles(outputDir);
  }

  @Override
  public PCollection<String> expand(PCollection<KV<String, KV<String, String>>> entries) {
    return entries
        .apply(
            "KeyByFileAndRange",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()),
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())))
                .via(
                    entry ->
                        KV.of(
                            KV.of(entry.getKey(), range(entry.getValue().getKey())),
                            entry.getValue())))
        .apply("GroupByFileAndRange", GroupByKey.create())
        .apply("WriteSortedParts", ParDo.of(new WritePartFn(outputDir)))
        .apply("GroupPartsByFile", GroupByKey.create())
        .apply("ConcatenateParts", ParDo.of(new ConcatenatePartsFn(outputDir)));
  }

  /**
   * The range of a sort key: its first UTF-16 unit as four hex digits, so ranges sort like keys.
   */
  static String range(String sortKey) {
    return sortKey.isEmpty() ? "0000" : String.format(Locale.ROOT, "%04x", (int) sortKey.charAt(0));
  }

  static String partName(String file, String range) {
    return file + ".part-" + range;
  }

  private static final class WritePartFn
      extends DoFn<KV<KV<String, String>, Iterable<KV<String, String>>>, KV<String, String>> {
    private final String outputDir;

    WritePartFn(String outputDir) {
      this.outputDir = outputDir;
    }

    @ProcessElement
    public void processElement(
        @Element KV<KV<String, String>, Iterable<KV<String, String>>> group,
        OutputReceiver<KV<String, String>> out)
        throws IOException {
      List<KV<String, String>> entries = new ArrayList<>();
      group.getValue().forEach(entries::add);
      entries.sort(
          Comparator.comparing((KV<String, String> entry) -> entry.getKey())
              .thenComparing(KV::getValue));
      String file = group.getKey().getKey();
      String part = partName(file, group.getKey().getValue());
      try (OutputStream stream = create(OutputLayout.resolve(outputDir, part))) {
        for (KV<String, String> entry : entries) {
          stream.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
          stream.write('\n');
        }
      }
      out.output(KV.of(file, part));
    }
  }

  static final class ConcatenatePartsFn extends DoFn<KV<String, Iterable<String>>, String> {
    private final String outputDir;

    ConcatenatePartsFn(String outputDir) {
      this.outputDir = outputDir;
    }

    /**
     * Idempotent, as a retried bundle must be: the parts are deleted only after the file is renamed
     * into place, so when parts are missing, an earlier attempt wrote the file and was cut off
     * while deleting them.
     */
    @ProcessElement
    public void processElement(
        @Element KV<String, Iterable<String>> file, OutputReceiver<String> out) throws IOException {
      List<String> parts = new ArrayList<>();
      file.getValue().forEach(parts::add);
      parts.sort(Comparator.naturalOrder());
      ResourceId target = OutputLayout.resolve(outputDir, file.getKey());
      List<ResourceId> partIds = new ArrayList<>();
      for (String part : parts) {
        partIds.add(OutputLayout.resolve(outputDir, part));
      }
      if (!allExist(partIds)) {
        if (!exists(target)) {
          throw new IOException(
              "parts of " + target + " are missing, and no earlier attempt wrote it: " + partIds);
        }
      } else {
        ResourceId temporary = OutputLayout.resolve(outputDir, file.getKey() + ".tmp");
        try (OutputStream stream = create(temporary)) {
          for (ResourceId partId : partIds) {
            try (InputStream in = Channels.newInputStream(FileSystems.open(partId))) {
              in.transferTo(stream);
            }
          }
        }
        FileSystems.rename(List.of(temporary), List.of(target));
      }
      FileSystems.delete(partIds, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      out.output(file.getKey());
    }
  }

  private static boolean allExist(List<ResourceId> files) throws IOException {
    List<String> specs = new ArrayList<>();
    files.forEach(file -> specs.add(file.toString()));
    for (MatchResult match : FileSystems.match(specs, EmptyMatchTreatment.ALLOW)) {
      if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean exists(ResourceId file) throws IOException {
    return allExist(List.of(file));
  }

  private static OutputStream create(ResourceId resource) {
    try {
      return Channels.newOutputStream(FileSystems.create(resource, MimeTypes.TEXT));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + resource, e);
    }
  }
}
