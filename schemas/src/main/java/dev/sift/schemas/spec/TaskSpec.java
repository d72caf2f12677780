package dev.sift.schemas.spec;

import java.io.Serializable;

/**
 * One task as the spec describes it; a threshold left out falls back to {@link TaskDefaults}.
 *
 * @param description what the task is, in a sentence
 */
public record TaskSpec(
    String description, Integer fineTuneMinExamples, Integer fewShotK, Double validationFraction)
    implements Serializable {}
