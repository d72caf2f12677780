package dev.sift.transforms.quality;

import dev.sift.transforms.PrimitiveArrays;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Field-by-field coders of the {@link Conflicts} values, compared by their encoded bytes. */
final class ConflictCoders {
  private static final Coder<String> STRING = StringUtf8Coder.of();
  private static final Coder<Long> VAR_LONG = VarLongCoder.of();
  private static final Coder<Double> DOUBLE = DoubleCoder.of();

  private ConflictCoders() {}

  /** {@link Conflicts.Answer}; deterministic. */
  static final class AnswerCoder extends AtomicCoder<Conflicts.Answer> {
    static final AnswerCoder INSTANCE = new AnswerCoder();

    @Override
    public void encode(Conflicts.Answer answer, OutputStream out) throws IOException {
      VAR_LONG.encode(answer.key(), out);
      STRING.encode(answer.id(), out);
      PrimitiveArrays.writeLongs(answer.words(), out);
      STRING.encode(answer.question(), out);
      STRING.encode(answer.snippet(), out);
    }

    @Override
    public Conflicts.Answer decode(InputStream in) throws IOException {
      return new Conflicts.Answer(
          VAR_LONG.decode(in),
          STRING.decode(in),
          PrimitiveArrays.readLongs(in),
          STRING.decode(in),
          STRING.decode(in));
    }
  }

  /** {@link Conflicts.Pair}; a double, so not claimed deterministic. */
  static final class PairCoder extends AtomicCoder<Conflicts.Pair> {
    static final PairCoder INSTANCE = new PairCoder();

    @Override
    public void encode(Conflicts.Pair pair, OutputStream out) throws IOException {
      STRING.encode(pair.question(), out);
      STRING.encode(pair.firstId(), out);
      STRING.encode(pair.firstAnswer(), out);
      STRING.encode(pair.secondId(), out);
      STRING.encode(pair.secondAnswer(), out);
      DOUBLE.encode(pair.similarity(), out);
    }

    @Override
    public Conflicts.Pair decode(InputStream in) throws IOException {
      return new Conflicts.Pair(
          STRING.decode(in),
          STRING.decode(in),
          STRING.decode(in),
          STRING.decode(in),
          STRING.decode(in),
          DOUBLE.decode(in));
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      DOUBLE.verifyDeterministic();
    }
  }

  /** {@link Conflicts.Summary}; holds pairs, so not claimed deterministic. */
  static final class SummaryCoder extends AtomicCoder<Conflicts.Summary> {
    static final SummaryCoder INSTANCE = new SummaryCoder();
    private static final Coder<List<Conflicts.Pair>> EXAMPLES = ListCoder.of(PairCoder.INSTANCE);

    @Override
    public void encode(Conflicts.Summary summary, OutputStream out) throws IOException {
      VAR_LONG.encode(summary.questions(), out);
      VAR_LONG.encode(summary.pairs(), out);
      VAR_LONG.encode(summary.conversations(), out);
      EXAMPLES.encode(summary.examples(), out);
    }

    @Override
    public Conflicts.Summary decode(InputStream in) throws IOException {
      return new Conflicts.Summary(
          VAR_LONG.decode(in), VAR_LONG.decode(in), VAR_LONG.decode(in), EXAMPLES.decode(in));
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      EXAMPLES.verifyDeterministic();
    }
  }
}
