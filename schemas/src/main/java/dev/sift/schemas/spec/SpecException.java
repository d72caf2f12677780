package dev.sift.schemas.spec;

/** A spec file that cannot be used; the message names the file, the key and the problem. */
public class SpecException extends RuntimeException {
  public SpecException(String message, Throwable cause) {
    super(message, cause);
  }

  public SpecException(String message) {
    super(message);
  }
}
