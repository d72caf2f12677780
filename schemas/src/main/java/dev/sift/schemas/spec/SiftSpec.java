package dev.sift.schemas.spec;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a run is told about its data: where the task comes from, per-task thresholds, how to read
 * the inputs, anonymise, deduplicate and score them. Read from a JSON or YAML file by {@link
 * SpecLoader}; every key is optional.
 *
 * @param taskField metadata field that names a conversation's task; when a record lacks it, the
 *     task is the input file's parent folder name
 * @param defaults thresholds for every task
 * @param tasks per-task descriptions and threshold overrides, by task name
 * @param ingest how to read the inputs
 * @param anonymize how personal data and secrets are replaced
 * @param dedup how exact and near duplicates are found
 * @param quality how conversations and tasks are scored, and which are filtered
 * @param emit how fine-tuning files are split, checked and rebalanced
 */
public record SiftSpec(
    String taskField,
    TaskDefaults defaults,
    Map<String, TaskSpec> tasks,
    IngestSpec ingest,
    AnonymizeSpec anonymize,
    DedupSpec dedup,
    QualitySpec quality,
    EmitSpec emit)
    implements Serializable {

  public static final String DEFAULT_TASK_FIELD = "task";

  public SiftSpec {
    taskField = Objects.requireNonNullElse(taskField, DEFAULT_TASK_FIELD);
    defaults = Objects.requireNonNullElseGet(defaults, TaskDefaults::standard);
    tasks = tasks == null ? Map.of() : Map.copyOf(new TreeMap<>(tasks));
    ingest = Objects.requireNonNullElseGet(ingest, IngestSpec::standard);
    anonymize = Objects.requireNonNullElseGet(anonymize, AnonymizeSpec::standard);
    dedup = Objects.requireNonNullElseGet(dedup, DedupSpec::standard);
    quality = Objects.requireNonNullElseGet(quality, QualitySpec::standard);
    emit = Objects.requireNonNullElseGet(emit, EmitSpec::standard);
  }

  /** The spec of a run given no spec file. */
  public static SiftSpec standard() {
    return new SiftSpec(null, null, null, null, null, null, null, null);
  }

  /** The same spec with {@code quality} in place of its own. */
  public SiftSpec withQuality(QualitySpec quality) {
    return new SiftSpec(taskField, defaults, tasks, ingest, anonymize, dedup, quality, emit);
  }

  /** The thresholds that apply to {@code task}: its own overrides, else the defaults. */
  public TaskSettings settingsFor(String task) {
    TaskSpec own = tasks.get(task);
    if (own == null) {
      return defaults.settings();
    }
    TaskSettings base = defaults.settings();
    return new TaskSettings(
        Objects.requireNonNullElse(own.fineTuneMinExamples(), base.fineTuneMinExamples()),
        Objects.requireNonNullElse(own.fewShotK(), base.fewShotK()),
        Objects.requireNonNullElse(own.validationFraction(), base.validationFraction()),
        Objects.requireNonNullElse(own.output(), base.output()),
        Objects.requireNonNullElse(own.fewShotTokenBudget(), base.fewShotTokenBudget()));
  }
}
