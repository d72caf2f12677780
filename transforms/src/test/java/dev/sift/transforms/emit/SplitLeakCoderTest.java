package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** {@link FindSplitLeaks.MemberCoder}: a round trip, and the same bytes for equal members. */
class SplitLeakCoderTest {
  @Test
  void membersRoundTripDeterministically() throws Exception {
    long[] shingles = {Long.MIN_VALUE, -1, 0, 42, Long.MAX_VALUE};
    FindSplitLeaks.Member member = new FindSplitLeaks.Member("id-1", true, shingles);
    FindSplitLeaks.MemberCoder coder = FindSplitLeaks.MemberCoder.INSTANCE;
    CoderProperties.structuralValueDecodeEncodeEqual(coder, member);
    FindSplitLeaks.Member decoded = CoderUtils.clone(coder, member);
    assertEquals(member.id(), decoded.id());
    assertEquals(member.validation(), decoded.validation());
    assertArrayEquals(shingles, decoded.shingles());
    CoderProperties.coderDeterministic(
        coder, member, new FindSplitLeaks.Member(new String("id-1"), true, shingles));
    CoderProperties.structuralValueDecodeEncodeEqual(
        coder, new FindSplitLeaks.Member("id-2", false, new long[0]));
    CoderProperties.coderSerializable(coder);
  }
}
