package dev.sift.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.Conversation;
import dev.sift.transforms.TestConversations;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** {@link EncodedMember}: its coder's round trip and determinism, and the conversation's. */
class EncodedMemberTest {
  @Test
  void membersRoundTripDeterministically() throws Exception {
    EncodedMember member = new EncodedMember("billing\u00000\u0000id-1", new byte[] {0, -1, 42});
    EncodedMember decoded = CoderUtils.clone(EncodedMember.CODER, member);
    assertEquals(member.node(), decoded.node());
    assertArrayEquals(member.bytes(), decoded.bytes());
    CoderProperties.structuralValueDecodeEncodeEqual(EncodedMember.CODER, member);
    EncodedMember.CODER.verifyDeterministic();
    EncodedMember equal = new EncodedMember(new String(member.node()), member.bytes().clone());
    assertArrayEquals(
        CoderUtils.encodeToByteArray(EncodedMember.CODER, member),
        CoderUtils.encodeToByteArray(EncodedMember.CODER, equal));
    CoderProperties.structuralValueDecodeEncodeEqual(
        EncodedMember.CODER, new EncodedMember("", new byte[0]));
    CoderProperties.coderSerializable(EncodedMember.CODER);
  }

  @Test
  void theConversationComesBackFromItsBytes() throws Exception {
    Coder<Conversation> coder = SchemaRegistry.createDefault().getSchemaCoder(Conversation.class);
    Conversation conversation =
        TestConversations.qa("billing", "a.jsonl", 3, "Where is my invoice?", "Under Settings.");
    EncodedMember member = EncodedMember.of("node", conversation, coder);
    assertEquals("node", member.node());
    assertEquals(conversation, member.decode(coder));
  }
}
