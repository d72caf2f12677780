package dev.sift.transforms.ingest;

import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.IngestSpec;
import java.util.Map;

/**
 * What a reader needs to know about the file it reads and the run: the file, the task its folder
 * implies, the spec's ingest settings and task field, and a forced format if any.
 */
record FileContext(
    String file,
    String folderTask,
    IngestSpec ingest,
    String taskField,
    InputFormat forcedFormat,
    Map<String, Role> roleAliases) {

  static final String DEFAULT_TASK = "default";

  static FileContext of(String file, IngestSpec ingest, String taskField, InputFormat forced) {
    return new FileContext(file, folderTask(file), ingest, taskField, forced, ingest.roleAliases());
  }

  SourceRef source(long line, long record, String format) {
    return SourceRef.create(file, line, record, format);
  }

  /** The metadata's task field when it is set, else the file's folder. */
  String taskOf(Map<String, String> metadata) {
    String task = metadata.get(taskField);
    return task == null || task.isBlank() ? folderTask : task.strip();
  }

  /**
   * The name of the folder holding {@code file}, or {@code default} for a file at the root of a
   * filesystem or bucket.
   */
  static String folderTask(String file) {
    String path = file.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
    String[] segments = path.split("/");
    int last = segments.length - 1;
    while (last >= 0 && segments[last].isEmpty()) {
      last--;
    }
    int parent = last - 1;
    while (parent >= 0 && segments[parent].isEmpty()) {
      parent--;
    }
    return parent < 0 ? DEFAULT_TASK : segments[parent];
  }
}
