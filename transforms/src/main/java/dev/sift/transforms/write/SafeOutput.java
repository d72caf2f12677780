package dev.sift.transforms.write;

import static org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Where a run writes, so that {@code --output} only ever holds a complete output or what it held
 * before: the run writes into a staging folder beside it ({@code .<name>.sift-staging-<id>}), and
 * {@link #commit} puts the staging folder in place, with a {@value #SUCCESS} marker, only once the
 * run has succeeded. A failed run leaves {@code --output} as it was.
 *
 * <p>On a local filesystem the staging folder is renamed onto {@code --output}, which is atomic: a
 * reader sees the old folder, no folder, or the new one. Object stores ({@code gs://}, {@code
 * s3://}) have no folders to rename: there the old output's marker goes first, then its files, then
 * each new file is moved, and the marker comes last, so an output is complete exactly when it has
 * its marker.
 *
 * <p>A folder that already holds files is refused unless the run may overwrite it; even then, a
 * folder holding anything a run does not write is refused, so that a mistyped {@code --output}
 * cannot delete someone's files.
 */
public final class SafeOutput {
  public static final String SUCCESS = "_SUCCESS";

  /** How long a failed run's staging folder must stay gone before {@link #abort} returns. */
  private static final Duration ABORT_QUIET = Duration.ofSeconds(1);

  private static final Duration ABORT_POLL = Duration.ofMillis(100);
  private static final Duration ABORT_LIMIT = Duration.ofSeconds(30);

  /** What a run may find in an output folder it replaces: what runs write. */
  private static final Set<String> OWNED =
      Set.of(
          OutputLayout.TASKS,
          OutputLayout.ANONYMIZED,
          OutputLayout.DEDUPLICATED,
          folder(OutputLayout.DEAD_LETTERS),
          folder(OutputLayout.FILTERED),
          folder(OutputLayout.REPORT),
          SUCCESS);

  private final String output;
  private final String staging;
  private final boolean local;

  private SafeOutput(String output, String staging, boolean local) {
    this.output = output;
    this.staging = staging;
    this.local = local;
  }

  /**
   * Checks {@code output} and creates its staging folder, before any work: an output folder that
   * holds files is refused unless {@code overwrite}, one holding files a run does not write always,
   * and one that cannot be written is named with the reason.
   */
  public static SafeOutput prepare(String output, boolean overwrite) throws IOException {
    String trimmed = output.replaceAll("/+$", "");
    ResourceId target = trimmed.isEmpty() ? null : FileSystems.matchNewResource(trimmed, false);
    String name = target == null || target.getFilename() == null ? "" : target.getFilename();
    if (name.isEmpty()) {
      throw new IllegalArgumentException(
          "--output=" + output + " must name a folder to create or replace, not a root");
    }
    boolean local = target.getScheme().equals("file");
    List<String> existing = local ? localEntries(localPath(output)) : remoteEntries(output);
    if (!existing.isEmpty()) {
      List<String> foreign = existing.stream().filter(entry -> !OWNED.contains(entry)).toList();
      if (!foreign.isEmpty()) {
        throw new IllegalArgumentException(
            "--output="
                + output
                + " holds files a Sift run does not write (e.g. "
                + foreign.get(0)
                + "); choose another folder");
      }
      if (!overwrite) {
        throw new IllegalArgumentException(
            "--output="
                + output
                + " already holds an output ("
                + String.join(", ", existing)
                + "); pass --overwrite to replace it, or choose an empty folder");
      }
    }
    String stagingName =
        "." + name + ".sift-staging-" + UUID.randomUUID().toString().substring(0, 8);
    String staging =
        target.getCurrentDirectory().resolve(stagingName, RESOLVE_DIRECTORY).toString();
    try {
      if (local) {
        Files.createDirectories(localPath(staging));
      } else {
        probe(staging);
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--output=" + output + " cannot be written: " + rootMessage(e), e);
    }
    return new SafeOutput(output, staging, local);
  }

  /** The folder the run writes into. */
  public String staging() {
    return staging;
  }

  public String output() {
    return output;
  }

  /** Writes {@code marker} as {@value #SUCCESS} and puts the staging folder in place. */
  public void commit(String marker) throws IOException {
    if (local) {
      Files.writeString(localPath(staging).resolve(SUCCESS), marker, StandardCharsets.UTF_8);
      commitLocal();
    } else {
      commitRemote(marker);
    }
  }

  /**
   * Deletes the staging folder of a run that failed; {@code --output} is left as it was. Call it
   * once the runner has stopped the run's workers where it can tell (the pipelines wait for the
   * Direct Runner's). A cluster runner may report the failure while it is still cancelling tasks,
   * whose writes would bring the folder back: it is deleted again until it has stayed gone for
   * {@link #ABORT_QUIET}.
   */
  public void abort() throws IOException {
    long deadline = System.nanoTime() + ABORT_LIMIT.toNanos();
    long quietSince = System.nanoTime();
    deleteStaging();
    while (System.nanoTime() - quietSince < ABORT_QUIET.toNanos()) {
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "the staging folder "
                + staging
                + " is still being written "
                + ABORT_LIMIT.toSeconds()
                + " s after the run failed; delete it once the run's workers have stopped");
      }
      try {
        Thread.sleep(ABORT_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while deleting the staging folder " + staging, e);
      }
      if (deleteStaging()) {
        quietSince = System.nanoTime();
      }
    }
  }

  /** Deletes what the staging folder holds, and the folder; true when there was anything. */
  private boolean deleteStaging() throws IOException {
    if (local) {
      try {
        return deleteRecursively(localPath(staging));
      } catch (NoSuchFileException | DirectoryNotEmptyException e) {
        return true; // a late writer is adding or removing files: the next round deletes them
      }
    }
    List<ResourceId> files = remoteFiles(staging);
    FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
    return !files.isEmpty();
  }

  /** Moves an existing output aside, renames the staging folder in, then deletes the old one. */
  private void commitLocal() throws IOException {
    Path target = localPath(output);
    Path replaced = null;
    if (Files.isDirectory(target)) {
      if (localEntries(target).isEmpty()) {
        Files.delete(target);
      } else {
        replaced =
            target.resolveSibling(
                "."
                    + target.getFileName()
                    + ".sift-replaced-"
                    + UUID.randomUUID().toString().substring(0, 8));
        Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    try {
      Files.move(localPath(staging), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (replaced != null) {
        Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    if (replaced != null) {
      deleteRecursively(replaced);
    }
  }

  /** Old marker, old files, new files, new marker: complete exactly when the marker is there. */
  private void commitRemote(String marker) throws IOException {
    FileSystems.delete(
        List.of(OutputLayout.resolve(output, SUCCESS)), StandardMoveOptions.IGNORE_MISSING_FILES);
    FileSystems.delete(remoteFiles(output), StandardMoveOptions.IGNORE_MISSING_FILES);
    List<ResourceId> from = remoteFiles(staging);
    List<ResourceId> to = new ArrayList<>();
    for (ResourceId file : from) {
      to.add(OutputLayout.resolve(output, relative(staging, file)));
    }
    FileSystems.rename(from, to);
    try (OutputStream out =
        Channels.newOutputStream(
            FileSystems.create(OutputLayout.resolve(output, SUCCESS), MimeTypes.TEXT))) {
      out.write(marker.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The files under {@code folder} (any filesystem), as paths relative to it, sorted. */
  static List<String> relativeFiles(String folder) throws IOException {
    List<String> files = new ArrayList<>();
    for (ResourceId file : remoteFiles(folder)) {
      files.add(relative(folder, file));
    }
    files.sort(Comparator.naturalOrder());
    return files;
  }

  private static String relative(String folder, ResourceId file) {
    String root = FileSystems.matchNewResource(folder, true).toString();
    return file.toString().substring(root.length());
  }

  private static List<ResourceId> remoteFiles(String folder) throws IOException {
    String pattern = FileSystems.matchNewResource(folder, true) + "**";
    MatchResult match = FileSystems.match(List.of(pattern), EmptyMatchTreatment.ALLOW).get(0);
    List<ResourceId> files = new ArrayList<>();
    if (match.status() == MatchResult.Status.OK) {
      match.metadata().forEach(metadata -> files.add(metadata.resourceId()));
    }
    return files;
  }

  /** The first segments of the files under {@code output} on an object store. */
  private static List<String> remoteEntries(String output) throws IOException {
    return relativeFiles(output).stream()
        .map(file -> file.contains("/") ? file.substring(0, file.indexOf('/')) : file)
        .distinct()
        .toList();
  }

  /** The entries of a local folder, sorted; none when it does not exist. */
  private static List<String> localEntries(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("--output=" + folder + " is a file, not a folder");
    }
    List<String> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      stream.forEach(entry -> entries.add(entry.getFileName().toString()));
    }
    entries.sort(Comparator.naturalOrder());
    return entries;
  }

  /** Creates and deletes a file in the staging folder: the only test of an object store's ACLs. */
  private static void probe(String staging) throws IOException {
    ResourceId probe = OutputLayout.resolve(staging, ".probe");
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(probe, MimeTypes.TEXT))) {
      out.write('\n');
    }
    FileSystems.delete(List.of(probe));
  }

  private static Path localPath(String path) {
    return path.toLowerCase(Locale.ROOT).startsWith("file:")
        ? Path.of(URI.create(path))
        : Path.of(path).toAbsolutePath();
  }

  /** Deletes {@code root} and everything under it; false when it did not exist. */
  private static boolean deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return false;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    return true;
  }

  private static String folder(String file) {
    return file.substring(0, file.indexOf('/'));
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.toString();
  }
}
