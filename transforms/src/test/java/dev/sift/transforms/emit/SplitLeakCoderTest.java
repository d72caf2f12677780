package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.transforms.LongArrayCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** The coders of {@link FindSplitLeaks}: round trips, and the same bytes for equal values. */
class SplitLeakCoderTest {
  private static final long[] SHINGLES = {Long.MIN_VALUE, -1, 0, 42, Long.MAX_VALUE};

  @Test
  void membersRoundTripDeterministically() throws Exception {
    LeakMember probe = LeakMember.home("id-1", SHINGLES).probing(new long[] {8, 16});
    LeakMember.Coder coder = LeakMember.Coder.INSTANCE;
    LeakMember decoded = CoderUtils.clone(coder, probe);
    assertEquals(probe.id(), decoded.id());
    assertEquals(probe.key(), decoded.key());
    assertArrayEquals(SHINGLES, decoded.shingles());
    assertArrayEquals(new long[] {8, 16}, decoded.mates());
    // Equal by value: another id string, the same arrays (a record compares arrays by identity).
    CoderProperties.coderDeterministic(
        coder,
        probe,
        new LeakMember(new String("id-1"), probe.key(), probe.shingles(), probe.mates()));
    CoderProperties.structuralValueDecodeEncodeEqual(coder, probe);
    CoderProperties.structuralValueDecodeEncodeEqual(
        coder, LeakMember.mateList(LeakMember.keyOf("id-2"), new long[] {2}));
    CoderProperties.coderSerializable(coder);
  }

  @Test
  void longArraysRoundTripDeterministically() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(LongArrayCoder.of(), new long[0]);
    CoderProperties.structuralValueDecodeEncodeEqual(LongArrayCoder.of(), SHINGLES);
    CoderProperties.coderDeterministic(LongArrayCoder.of(), SHINGLES, SHINGLES);
  }

  @Test
  void keysLeaveTheLowestBitForTheSide() {
    long key = LeakMember.keyOf("chats.jsonl:7");
    assertEquals(0, key & 1);
    assertEquals(key, LeakMember.untagged(LeakMember.tagged(key, true)));
    assertEquals(true, LeakMember.isValidation(LeakMember.tagged(key, true)));
    assertEquals(false, LeakMember.isValidation(LeakMember.tagged(key, false)));
  }
}
