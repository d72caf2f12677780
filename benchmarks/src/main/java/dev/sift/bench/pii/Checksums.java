package dev.sift.bench.pii;

import java.math.BigInteger;

/** The check digits planted values carry, so that checksum-validating detectors accept them. */
final class Checksums {
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private Checksums() {}

  /** The digit that makes {@code payload} followed by it pass the Luhn check. */
  static int luhnCheckDigit(String payload) {
    int sum = 0;
    boolean twice = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int digit = payload.charAt(i) - '0';
      if (twice) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }

  static boolean luhnValid(String digits) {
    return luhnCheckDigit(digits.substring(0, digits.length() - 1))
        == digits.charAt(digits.length() - 1) - '0';
  }

  /** The two IBAN check digits (ISO 7064 MOD 97-10) for a country and BBAN. */
  static String ibanCheckDigits(String country, String bban) {
    BigInteger value = new BigInteger(numeric(bban + country + "00"));
    int check = 98 - value.mod(NINETY_SEVEN).intValue();
    return check < 10 ? "0" + check : Integer.toString(check);
  }

  /** Letters as numbers, A = 10 ... Z = 35, as the IBAN check computes them. */
  private static String numeric(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(Character.isDigit(c) ? String.valueOf(c) : Integer.toString(c - 'A' + 10));
    }
    return out.toString();
  }
}
