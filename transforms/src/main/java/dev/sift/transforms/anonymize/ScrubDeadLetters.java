package dev.sift.transforms.anonymize;

import dev.sift.schemas.DeadLetter;
import dev.sift.schemas.spec.AnonymizeSpec;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Replaces, in every dead letter's raw text and message, what the anonymiser detects with its
 * placeholder ({@code [EMAIL]}): a reviewer fixing a broken record needs its shape, never the
 * values. A raw text that was cut to its bound also loses its last, possibly cut, value: half an
 * e-mail address or card number is no longer recognisable, yet still personal.
 */
public final class ScrubDeadLetters
    extends PTransform<PCollection<DeadLetter>, PCollection<DeadLetter>> {
  private final AnonymizeSpec spec;

  private ScrubDeadLetters(AnonymizeSpec spec) {
    this.spec = spec;
  }

  public static ScrubDeadLetters withSpec(AnonymizeSpec spec) {
    return new ScrubDeadLetters(spec);
  }

  @Override
  public PCollection<DeadLetter> expand(PCollection<DeadLetter> deadLetters) {
    return deadLetters.apply("ReplacePersonalData", ParDo.of(new ScrubFn(spec)));
  }

  private static final class ScrubFn extends DoFn<DeadLetter, DeadLetter> {
    private final AnonymizeSpec spec;
    private transient TextAnonymizer anonymizer;

    ScrubFn(AnonymizeSpec spec) {
      this.spec = spec;
    }

    @Setup
    public void setup() {
      anonymizer = TextAnonymizer.of(spec);
    }

    @ProcessElement
    public void process(@Element DeadLetter deadLetter, OutputReceiver<DeadLetter> out) {
      String raw =
          deadLetter.isRawTruncated() ? withoutLastWord(deadLetter.getRaw()) : deadLetter.getRaw();
      out.output(
          deadLetter.withText(anonymizer.scrub(deadLetter.getMessage()), anonymizer.scrub(raw)));
    }

    /** Cuts back to the last character that cannot be inside an e-mail, number or token. */
    private static String withoutLastWord(String raw) {
      int end = raw.length();
      while (end > 0
          && (Character.isLetterOrDigit(raw.charAt(end - 1))
              || "@.+-_:/=%".indexOf(raw.charAt(end - 1)) >= 0)) {
        end--;
      }
      return raw.substring(0, end);
    }
  }
}
