package dev.sift.schemas.spec;

import java.io.Serializable;
import java.util.List;

/**
 * One task as the spec describes it; a threshold left out falls back to {@link TaskDefaults}.
 *
 * @param description what the task is, in a sentence
 * @param keywords words and phrases typical of the task, for scoring relevance
 * @param examples seed examples: texts (typical questions or whole exchanges) of the task, for
 *     scoring relevance
 * @param output overrides {@code defaults.output}
 * @param fewShotTokenBudget overrides {@code defaults.fewShotTokenBudget}
 */
public record TaskSpec(
    String description,
    Integer fineTuneMinExamples,
    Integer fewShotK,
    Double validationFraction,
    List<String> keywords,
    List<String> examples,
    String output,
    Integer fewShotTokenBudget)
    implements Serializable {

  public TaskSpec {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    examples = examples == null ? List.of() : List.copyOf(examples);
  }

  /** The description, keywords and examples as one text: what relevance is measured against. */
  public String profileText() {
    StringBuilder text = new StringBuilder(description == null ? "" : description);
    keywords.forEach(keyword -> text.append('\n').append(keyword));
    examples.forEach(example -> text.append('\n').append(example));
    return text.toString();
  }
}
