package dev.sift.transforms.dedup;

import dev.sift.schemas.Conversation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.CoderUtils;

/**
 * A conversation on its way through the dedup shuffles: its node key and its encoding by the
 * pipeline's schema coder, decoded only where the conversation itself is needed.
 *
 * <p>Why bytes: the Direct Runner holds a key's grouped values as decoded objects, and every bundle
 * that adds to the key deep-clones the whole group (an encode and a decode with the element coder).
 * A byte array is cloned by a copy instead of a schema decode, and takes less heap than the objects
 * of a decoded conversation. Other runners shuffle bytes anyway.
 */
record EncodedMember(String node, byte[] bytes) {
  static final MemberCoder CODER = new MemberCoder();

  static EncodedMember of(String node, Conversation conversation, Coder<Conversation> coder)
      throws CoderException {
    return new EncodedMember(node, CoderUtils.encodeToByteArray(coder, conversation));
  }

  Conversation decode(Coder<Conversation> coder) throws CoderException {
    return CoderUtils.decodeFromByteArray(coder, bytes);
  }

  /** The node, then the bytes with their length; deterministic, compared by its encoded bytes. */
  static final class MemberCoder extends AtomicCoder<EncodedMember> {
    @Override
    public void encode(EncodedMember member, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(member.node(), out);
      ByteArrayCoder.of().encode(member.bytes(), out);
    }

    @Override
    public EncodedMember decode(InputStream in) throws IOException {
      return new EncodedMember(StringUtf8Coder.of().decode(in), ByteArrayCoder.of().decode(in));
    }
  }
}
