package dev.sift.transforms.write;

import dev.sift.schemas.Fingerprint;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Where a run writes, relative to {@code --output}:
 *
 * <pre>
 * tasks/&lt;task&gt;/train.jsonl, validation.jsonl   fine-tuning sets
 * tasks/&lt;task&gt;/few-shot.json                    few-shot bundle
 * dead-letter/dead-letters.jsonl                 records that could not be used, with reasons
 * filtered/filtered.jsonl                        records deliberately left out, with reasons
 * report/quality-report.json                     counts, balance and decisions
 * report/index.html                              the same report as a page for people
 * </pre>
 */
public final class OutputLayout {
  public static final String TASKS = "tasks";
  public static final String DEAD_LETTERS = "dead-letter/dead-letters.jsonl";
  public static final String FILTERED = "filtered/filtered.jsonl";
  public static final String REPORT = "report/quality-report.json";
  public static final String REPORT_PAGE = "report/index.html";
  public static final String TRAIN = "train.jsonl";
  public static final String VALIDATION = "validation.jsonl";
  public static final String FEW_SHOT = "few-shot.json";

  /** Where the anonymize pipeline writes each task's conversations. */
  public static final String ANONYMIZED = "anonymized";

  /** Where the dedup pipeline writes each task's kept conversations. */
  public static final String DEDUPLICATED = "deduplicated";

  /** Each task's conversations in the canonical schema, under a stage pipeline's folder. */
  public static final String CONVERSATIONS = "conversations.jsonl";

  private OutputLayout() {}

  /** {@code <folder>/<task directory>/conversations.jsonl}, for the stage pipelines. */
  public static String conversationsFile(String folder, String task) {
    return folder + "/" + taskDirectory(task) + "/" + CONVERSATIONS;
  }

  /** {@code tasks/<directory>/<file>}. */
  public static String taskFile(String task, String file) {
    return TASKS + "/" + taskDirectory(task) + "/" + file;
  }

  /**
   * A folder name for {@code task} that is safe on every filesystem: the name itself when it only
   * has letters, digits, '.', '_' and '-', else a cleaned name plus a short hash of the real one,
   * so two different tasks never share a folder.
   */
  public static String taskDirectory(String task) {
    String cleaned = task.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
    if (cleaned.equals(task) && !cleaned.isEmpty()) {
      return task;
    }
    String hash = Fingerprint.of(task).hex128().substring(0, 8);
    return cleaned.isEmpty() ? hash : cleaned + "-" + hash;
  }

  /** The resource of {@code relativePath} under {@code outputDir}, one segment at a time. */
  public static ResourceId resolve(String outputDir, String relativePath) {
    ResourceId resource = FileSystems.matchNewResource(outputDir, true);
    String[] segments = relativePath.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      resource = resource.resolve(segments[i], StandardResolveOptions.RESOLVE_DIRECTORY);
    }
    return resource.resolve(segments[segments.length - 1], StandardResolveOptions.RESOLVE_FILE);
  }
}
