package dev.sift.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  @Test
  void aCopyGoesOnFromTheFieldsAddedSoFar() {
    Fingerprint prefix = Fingerprint.of("surrogate", "42");
    Fingerprint copy = prefix.copy().add("key");

    assertEquals(Fingerprint.of("surrogate", "42", "key").asLong(), copy.asLong());
    assertEquals(Fingerprint.of("surrogate", "42", "other").asLong(), prefix.add("other").asLong());
  }

  @Test
  void fieldsAreLengthPrefixed() {
    assertEquals(Fingerprint.of("ab", "c").hex128().length(), 32);
    assertNotEquals(Fingerprint.of("ab", "c").hex128(), Fingerprint.of("a", "bc").hex128());
  }

  /** The bytes hashed are fixed: every id and hash-based choice Sift ever made depends on them. */
  @Test
  void hashesEachFieldAsItsUtf8LengthAColonAndItsUtf8Bytes() throws Exception {
    String twelveBytes = "café-crème";
    String longer = "x".repeat(1234);
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    expected.update(
        ("0:" + "1:a" + "12:" + twelveBytes + "1234:" + longer).getBytes(StandardCharsets.UTF_8));

    assertEquals(
        HexFormat.of().formatHex(expected.digest(), 0, 16),
        Fingerprint.of("", "a", twelveBytes, longer).hex128());
  }
}
