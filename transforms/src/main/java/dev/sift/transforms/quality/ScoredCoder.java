package dev.sift.transforms.quality;

import dev.sift.schemas.Conversation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.StructuredCoder;
import org.apache.beam.sdk.util.VarInt;

/**
 * Codes a {@link Scored} field by field, its measurements with {@link MeasuredCoder}. Not
 * deterministic, so never a key; compared by its encoded bytes.
 */
final class ScoredCoder extends StructuredCoder<Scored> {
  private static final Coder<Double> NULLABLE_DOUBLE = NullableCoder.of(DoubleCoder.of());
  private static final Coder<Double> DOUBLE = DoubleCoder.of();
  private static final Coder<Boolean> BOOLEAN = BooleanCoder.of();
  private static final Coder<List<String>> FLAGS = ListCoder.of(StringUtf8Coder.of());
  private static final Coder<String> NULLABLE_STRING = NullableCoder.of(StringUtf8Coder.of());

  private final MeasuredCoder measuredCoder;

  private ScoredCoder(MeasuredCoder measuredCoder) {
    this.measuredCoder = measuredCoder;
  }

  /** {@code conversationCoder}: the schema coder of {@link Conversation}. */
  static ScoredCoder of(Coder<Conversation> conversationCoder) {
    return new ScoredCoder(MeasuredCoder.of(conversationCoder));
  }

  @Override
  public void encode(Scored s, OutputStream out) throws IOException {
    measuredCoder.encode(s.measured, out);
    s.vector.encode(out);
    NULLABLE_DOUBLE.encode(s.relevance, out);
    BOOLEAN.encode(s.languageExpected, out);
    VarInt.encode(s.topic, out);
    DOUBLE.encode(s.score, out);
    FLAGS.encode(s.flags, out);
    NULLABLE_STRING.encode(s.filteredFor, out);
  }

  @Override
  public Scored decode(InputStream in) throws IOException {
    return new Scored(
        measuredCoder.decode(in),
        TermVector.decode(in),
        NULLABLE_DOUBLE.decode(in),
        BOOLEAN.decode(in),
        VarInt.decodeInt(in),
        DOUBLE.decode(in),
        FLAGS.decode(in),
        NULLABLE_STRING.decode(in));
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }

  @Override
  public List<? extends Coder<?>> getComponents() {
    return List.of(measuredCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "a conversation's metadata map and doubles");
  }
}
