package dev.sift.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    org.junit.jupiter.api.Assertions.assertNotEquals(
        Fingerprint.of("ab", "c").hex128(), Fingerprint.of("a", "bc").hex128());
  }
}
