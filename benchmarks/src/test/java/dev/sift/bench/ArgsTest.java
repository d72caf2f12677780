package dev.sift.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArgsTest {
  private static final String[] DECLARED = {"seed", "the seed", "out", "where to write"};

  @Test
  void readsDeclaredOptionsWithDefaults() {
    Args args = Args.parse("x", new String[] {"--seed=1_000", "--out=a.jsonl"}, DECLARED);

    assertEquals(1000L, args.longValue("seed", 7));
    assertEquals(5, Args.parse("x", new String[0], DECLARED).intValue("seed", 5));
    assertEquals("a.jsonl", args.required("out"));
  }

  @Test
  void rejectsUnknownMalformedAndMissingOptions() {
    assertThrows(
        IllegalArgumentException.class, () -> Args.parse("x", new String[] {"--sed=1"}, DECLARED));
    assertThrows(
        IllegalArgumentException.class, () -> Args.parse("x", new String[] {"seed"}, DECLARED));
    assertThrows(
        IllegalArgumentException.class,
        () -> Args.parse("x", new String[] {"--seed=x"}, DECLARED).longValue("seed", 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Args.parse("x", new String[0], DECLARED).required("out"));
  }
}
