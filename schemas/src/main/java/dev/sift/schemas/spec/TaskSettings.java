package dev.sift.schemas.spec;

import java.io.Serializable;

/** The thresholds in force for one task, overrides and defaults resolved. */
public record TaskSettings(int fineTuneMinExamples, int fewShotK, double validationFraction)
    implements Serializable {}
