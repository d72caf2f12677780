package dev.sift.transforms.anonymize;

import java.util.List;

/** Finds one kind of personal data or secret in a text. */
interface Recognizer {

  /** Adds the spans found in {@code text} to {@code found}; they may overlap other recognizers'. */
  void find(ScannedText text, List<Span> found);
}
