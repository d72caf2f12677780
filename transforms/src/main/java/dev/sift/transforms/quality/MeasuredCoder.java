package dev.sift.transforms.quality;

import dev.sift.schemas.Conversation;
import dev.sift.transforms.PrimitiveArrays;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.StructuredCoder;
import org.apache.beam.sdk.util.VarInt;

/**
 * Codes a {@link Measured} field by field: the conversation with its schema coder, the rest with
 * Beam's component coders and {@link PrimitiveArrays}. Not deterministic (the conversation's
 * metadata is a map; doubles), so never a key; compared by its encoded bytes.
 */
final class MeasuredCoder extends StructuredCoder<Measured> {
  private static final Coder<String> STRING = StringUtf8Coder.of();
  private static final Coder<String> NULLABLE_STRING = NullableCoder.of(STRING);
  private static final Coder<Double> DOUBLE = DoubleCoder.of();
  private static final Coder<Boolean> BOOLEAN = BooleanCoder.of();
  private static final RoleStructure[] STRUCTURES = RoleStructure.values();

  private final Coder<Conversation> conversationCoder;

  private MeasuredCoder(Coder<Conversation> conversationCoder) {
    this.conversationCoder = conversationCoder;
  }

  /** {@code conversationCoder}: the schema coder of {@link Conversation}. */
  static MeasuredCoder of(Coder<Conversation> conversationCoder) {
    return new MeasuredCoder(conversationCoder);
  }

  @Override
  public void encode(Measured m, OutputStream out) throws IOException {
    conversationCoder.encode(m.conversation, out);
    VarInt.encode(m.tokens, out);
    VarInt.encode(m.systemTokens, out);
    PrimitiveArrays.writeInts(m.messageTokens, out);
    VarInt.encode(m.turns, out);
    VarInt.encode(m.structure.ordinal(), out);
    VarInt.encode(m.shortMessages, out);
    VarInt.encode(m.longMessages, out);
    VarInt.encode(m.lastAnswerTokens, out);
    STRING.encode(m.language, out);
    DOUBLE.encode(m.repetition, out);
    DOUBLE.encode(m.symbolRatio, out);
    BOOLEAN.encode(m.truncated, out);
    BOOLEAN.encode(m.refusal, out);
    BOOLEAN.encode(m.boilerplate, out);
    PrimitiveArrays.writeInts(m.terms.ids(), out);
    PrimitiveArrays.writeInts(m.terms.counts(), out);
    PrimitiveArrays.writeLongs(m.words, out);
    NULLABLE_STRING.encode(m.question, out);
    NULLABLE_STRING.encode(m.answer, out);
    BOOLEAN.encode(m.embedding != null, out);
    if (m.embedding != null) {
      PrimitiveArrays.writeFloats(m.embedding, out);
    }
  }

  @Override
  public Measured decode(InputStream in) throws IOException {
    Measured.Builder b = new Measured.Builder();
    b.conversation = conversationCoder.decode(in);
    b.tokens = VarInt.decodeInt(in);
    b.systemTokens = VarInt.decodeInt(in);
    b.messageTokens = PrimitiveArrays.readInts(in);
    b.turns = VarInt.decodeInt(in);
    b.structure = STRUCTURES[VarInt.decodeInt(in)];
    b.shortMessages = VarInt.decodeInt(in);
    b.longMessages = VarInt.decodeInt(in);
    b.lastAnswerTokens = VarInt.decodeInt(in);
    b.language = STRING.decode(in);
    b.repetition = DOUBLE.decode(in);
    b.symbolRatio = DOUBLE.decode(in);
    b.truncated = BOOLEAN.decode(in);
    b.refusal = BOOLEAN.decode(in);
    b.boilerplate = BOOLEAN.decode(in);
    int[] termIds = PrimitiveArrays.readInts(in);
    b.terms = new TermVector.TermCounts(termIds, PrimitiveArrays.readInts(in));
    b.words = PrimitiveArrays.readLongs(in);
    b.question = NULLABLE_STRING.decode(in);
    b.answer = NULLABLE_STRING.decode(in);
    if (BOOLEAN.decode(in)) {
      b.embedding = PrimitiveArrays.readFloats(in);
    }
    return new Measured(b);
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }

  @Override
  public List<? extends Coder<?>> getComponents() {
    return List.of(conversationCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "a conversation's metadata map and doubles");
  }
}
