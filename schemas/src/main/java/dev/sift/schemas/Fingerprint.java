package dev.sift.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a sequence of string fields. Each field is length-prefixed, so no two different
 * sequences hash the same bytes ({@code ["ab","c"]} and {@code ["a","bc"]} differ). Every
 * hash-based choice in Sift (ids, duplicate keys, splits) goes through here, which is what makes
 * them identical on every runner.
 */
public final class Fingerprint {
  private final MessageDigest digest;

  /** A field's length prefix is written here: an int's ten digits at most, and the colon. */
  private final byte[] prefix = new byte[11];

  private Fingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must provide SHA-256", e);
    }
  }

  private Fingerprint(MessageDigest digest) {
    this.digest = digest;
  }

  public static Fingerprint of(String... fields) {
    Fingerprint fingerprint = new Fingerprint();
    for (String field : fields) {
      fingerprint.add(field);
    }
    return fingerprint;
  }

  public Fingerprint add(String field) {
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    // The length in decimal digits and a colon, as Integer.toString(length) + ":" in ASCII.
    int at = prefix.length - 1;
    prefix[at] = ':';
    int length = bytes.length;
    do {
      prefix[--at] = (byte) ('0' + length % 10);
      length /= 10;
    } while (length > 0);
    digest.update(prefix, at, prefix.length - at);
    digest.update(bytes);
    return this;
  }

  /**
   * An independent fingerprint of the fields added so far, to which more can be added: many
   * fingerprints that share their first fields hash those once.
   */
  public Fingerprint copy() {
    try {
      return new Fingerprint((MessageDigest) digest.clone());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("The platform's SHA-256 cannot be copied", e);
    }
  }

  /** The first 16 bytes of the hash as 32 lower-case hex digits. */
  public String hex128() {
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  /** The first 8 bytes of the hash as a long: a seed for a deterministic random stream. */
  public long asLong() {
    return ByteBuffer.wrap(digest.digest()).getLong();
  }

  /** The first 8 bytes of the hash as a uniformly distributed value in [0, 1). */
  public double unitInterval() {
    long bits = ByteBuffer.wrap(digest.digest()).getLong() >>> 11;
    return bits * 0x1.0p-53;
  }
}
