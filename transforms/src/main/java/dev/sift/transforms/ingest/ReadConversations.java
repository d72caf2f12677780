package dev.sift.transforms.ingest;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.SchemaCoders;
import dev.sift.transforms.StageOutputs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Reads every file the input patterns match, through Beam's FileSystems, into canonical
 * conversations ({@link StageOutputs#CONVERSATIONS}) and dead letters ({@link
 * StageOutputs#DEAD_LETTERS}). A file matched by two patterns is read once.
 */
public final class ReadConversations extends PTransform<PBegin, PCollectionTuple> {
  public static final String STAGE = "ingest";

  private final List<String> patterns;
  private final SiftSpec spec;
  private final InputFormat format;

  private ReadConversations(List<String> patterns, SiftSpec spec, InputFormat format) {
    this.patterns = List.copyOf(patterns);
    this.spec = spec;
    this.format = format;
  }

  /**
   * Fails fast, before a pipeline is built, when a pattern matches no file (a typo in {@code
   * --input} should not produce an empty run), names a folder, or matches a local file that cannot
   * be read. Files on object stores are not opened here, one request each: listing them proved the
   * bucket readable, and a file that still fails is dead-lettered as {@code unreadable_file}.
   */
  public static void requireReadable(List<String> patterns) throws IOException {
    List<MatchResult> matches = FileSystems.match(patterns, EmptyMatchTreatment.ALLOW);
    for (int i = 0; i < patterns.size(); i++) {
      String pattern = patterns.get(i);
      if (matches.get(i).status() != MatchResult.Status.OK || matches.get(i).metadata().isEmpty()) {
        throw new IllegalArgumentException("--input=" + pattern + " matches no file");
      }
      for (MatchResult.Metadata file : matches.get(i).metadata()) {
        requireReadable(pattern, file.resourceId());
      }
    }
  }

  private static void requireReadable(String pattern, ResourceId file) {
    if (!file.getScheme().equals("file")) {
      return;
    }
    if (Files.isDirectory(Path.of(file.toString()))) {
      throw new IllegalArgumentException(
          "--input="
              + pattern
              + " names the folder "
              + file
              + "; use "
              + file
              + "/** for its files");
    }
    try (ReadableByteChannel channel = FileSystems.open(file)) {
      channel.read(ByteBuffer.allocate(1));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--input=" + pattern + ": cannot read " + file + " (" + e + ")", e);
    }
  }

  public static ReadConversations from(List<String> patterns, SiftSpec spec, InputFormat format) {
    return new ReadConversations(patterns, spec, format);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollection<FileIO.ReadableFile> files =
        begin
            .apply("ListInputPatterns", Create.of(patterns))
            .apply(
                "MatchFiles", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
            .apply(
                "ReadEachFileOnce",
                Distinct.<MatchResult.Metadata, String>withRepresentativeValueFn(
                        metadata -> metadata.resourceId().toString())
                    .withRepresentativeType(TypeDescriptors.strings()))
            .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED));

    PCollectionTuple parsed =
        files.apply(
            "ParseFiles",
            ParDo.of(new ParseFilesFn(spec, format))
                .withOutputTags(
                    StageOutputs.CONVERSATIONS,
                    TupleTagList.of(StageOutputs.DEAD_LETTERS).and(ParseFilesFn.CSV_TURNS)));

    PCollectionTuple assembled =
        parsed
            .get(ParseFilesFn.CSV_TURNS)
            .setCoder(SchemaCoders.keyed(files, CsvTurn.class))
            .apply("GroupCsvTurnsByConversationBucket", GroupByKey.create())
            .apply(
                "AssembleCsvConversations",
                ParDo.of(
                        new AssembleCsvConversationsFn(
                            spec.taskField(), spec.ingest().deadLetterRawChars()))
                    .withOutputTags(
                        StageOutputs.CONVERSATIONS, TupleTagList.of(StageOutputs.DEAD_LETTERS)));

    PCollection<Conversation> conversations =
        PCollectionList.of(parsed.get(StageOutputs.CONVERSATIONS))
            .and(assembled.get(StageOutputs.CONVERSATIONS))
            .apply("MergeConversations", Flatten.pCollections());
    PCollection<DeadLetter> deadLetters =
        PCollectionList.of(parsed.get(StageOutputs.DEAD_LETTERS))
            .and(assembled.get(StageOutputs.DEAD_LETTERS))
            .apply("MergeDeadLetters", Flatten.pCollections());
    return PCollectionTuple.of(StageOutputs.CONVERSATIONS, conversations)
        .and(StageOutputs.DEAD_LETTERS, deadLetters);
  }
}
