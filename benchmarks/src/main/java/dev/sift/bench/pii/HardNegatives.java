package dev.sift.bench.pii;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Draws the look-alike values that must survive anonymisation untouched. */
final class HardNegatives {
  private static final String ALNUM_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

  static final List<String> CITIES =
      List.of(
          "Rotterdam",
          "Chicago",
          "Frankfurt",
          "Lyon",
          "Leeds",
          "Osaka",
          "Lagos",
          "Pune",
          "Kraków",
          "Austin",
          "Sydney",
          "Memphis",
          "Louisville",
          "Singapore",
          // A place prefix before a given name: the name is the place's.
          "San Francisco",
          "Los Angeles",
          "San Diego",
          "St. Louis",
          "Santa Monica");

  private HardNegatives() {}

  static String orderNumber(Random rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> "ORD-" + Pick.between(rng, 2022, 2025) + "-" + Pick.digits(rng, 6);
      case 1 -> "#" + Pick.chars(rng, ALNUM_UPPER, 6);
      case 2 -> "PO-" + Pick.between(rng, 10000, 99999);
      default -> "#" + Pick.between(rng, 100000, 999999);
    };
  }

  /** Nine digits the SSN rules would allow, without separators. */
  static String nineDigits(Random rng) {
    return String.join("", PiiValues.ssnParts(rng));
  }

  static String trackingCode(Random rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> ups(rng);
      case 1 -> usps(rng);
      case 2 -> royalMail(rng);
      default -> "JD01" + Pick.digits(rng, 16);
    };
  }

  /** UPS: {@code 1Z}, shipper and service, package number, and its check digit. */
  private static String ups(Random rng) {
    String body =
        Pick.chars(rng, ALNUM_UPPER, 6) + Pick.of(rng, "01", "02", "03") + Pick.digits(rng, 7);
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : (c - 63) % 10;
      sum += i % 2 == 0 ? value : 2 * value;
    }
    return "1Z" + body + (10 - sum % 10) % 10;
  }

  /** USPS: 22 digits with a mod-10 check digit, written in groups of four. */
  private static String usps(Random rng) {
    String body = "9400" + Pick.of(rng, "1", "1", "5") + Pick.digits(rng, 16);
    int sum = 0;
    for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
      sum += (body.charAt(i) - '0') * weight;
    }
    String digits = body + (10 - sum % 10) % 10;
    return PiiValues.grouped(digits, new int[] {4, 4, 4, 4, 4, 2}, " ");
  }

  /** Royal Mail (UPU S10): two letters, eight digits, a check digit, {@code GB}. */
  private static String royalMail(Random rng) {
    String digits = Pick.digits(rng, 8);
    int[] weights = {8, 6, 4, 2, 3, 5, 9, 7};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    int check = 11 - sum % 11;
    check = check == 10 ? 0 : check == 11 ? 5 : check;
    return Pick.of(rng, "AB", "RN", "LX", "CP") + digits + check + "GB";
  }

  static String price(Random rng) {
    int whole = Pick.chance(rng, 30) ? Pick.between(rng, 1000, 4999) : Pick.between(rng, 5, 999);
    String cents = String.format(Locale.ROOT, "%02d", rng.nextInt(100));
    String thousands = String.format(Locale.US, "%,d", whole);
    return switch (rng.nextInt(6)) {
      case 0 -> "$" + thousands + "." + cents;
      case 1 -> "€" + whole;
      case 2 -> "£" + thousands + "." + cents;
      case 3 -> whole + "," + cents + " €";
      case 4 -> "USD " + whole + ".00";
      default -> "$" + whole + "/month";
    };
  }

  static String version(Random rng) {
    return switch (rng.nextInt(5)) {
      case 0 ->
          "v"
              + Pick.between(rng, 1, 4)
              + "."
              + Pick.between(rng, 0, 30)
              + "."
              + Pick.between(rng, 0, 12);
      case 1 -> "10.0." + Pick.between(rng, 19041, 22631);
      case 2 ->
          "Chrome "
              + Pick.between(rng, 110, 126)
              + ".0."
              + Pick.between(rng, 5400, 6500)
              + "."
              + Pick.between(rng, 10, 199);
      case 3 ->
          "iOS "
              + Pick.between(rng, 15, 17)
              + "."
              + Pick.between(rng, 0, 6)
              + "."
              + Pick.between(rng, 1, 3);
      default ->
          Pick.between(rng, 1, 3)
              + "."
              + Pick.between(rng, 0, 40)
              + "."
              + Pick.between(rng, 0, 9)
              + "-beta."
              + Pick.between(rng, 1, 5);
    };
  }

  static String productCode(Random rng) {
    return switch (rng.nextInt(3)) {
      case 0 ->
          "SKU-"
              + Pick.of(rng, "BLK", "WHT", "RED", "NVY")
              + "-"
              + Pick.between(rng, 36, 46)
              + "-"
              + Pick.of(rng, "S", "M", "L", "XL");
      case 1 -> "B0" + Pick.chars(rng, ALNUM_UPPER, 8);
      default ->
          Pick.of(rng, "QS", "PX", "MX", "NB")
              + "-"
              + Pick.digits(rng, 4)
              + "-"
              + Pick.chars(rng, "ABCDEFGHJKLMNPQRSTUVWXYZ", 2);
    };
  }

  static String hexColour(Random rng) {
    return switch (rng.nextInt(3)) {
      case 0 -> "#" + PiiValues.hex(rng, 6).toUpperCase(Locale.ROOT);
      case 1 -> "#" + PiiValues.hex(rng, 6);
      default -> "#" + PiiValues.hex(rng, 3);
    };
  }

  static String uuid(Random rng) {
    return PiiValues.hex(rng, 8)
        + "-"
        + PiiValues.hex(rng, 4)
        + "-4"
        + PiiValues.hex(rng, 3)
        + "-"
        + Pick.of(rng, "8", "9", "a", "b")
        + PiiValues.hex(rng, 3)
        + "-"
        + PiiValues.hex(rng, 12);
  }

  static String commitHash(Random rng) {
    return PiiValues.hex(rng, rng.nextBoolean() ? 40 : Pick.between(rng, 7, 12));
  }

  static String invoiceNumber(Random rng) {
    return rng.nextBoolean()
        ? "INV-" + Pick.between(rng, 2022, 2025) + "-" + Pick.digits(rng, 5)
        : "INV" + Pick.between(rng, 100000, 999999);
  }

  /** Sixteen digits that start like a card and fail the Luhn check, plain or in fours. */
  static String nonLuhnNumber(Random rng) {
    String payload = Pick.of(rng, "4", "5", "6") + Pick.digits(rng, 14);
    int wrong = (Checksums.luhnCheckDigit(payload) + Pick.between(rng, 1, 9)) % 10;
    String digits = payload + wrong;
    return rng.nextBoolean() ? digits : PiiValues.grouped(digits, new int[] {4, 4, 4, 4}, " ");
  }

  static String plainUrl(Random rng) {
    return switch (rng.nextInt(5)) {
      case 0 -> "https://status.stackhouse.dev/incidents/" + Pick.digits(rng, 5);
      case 1 -> "https://docs.stackhouse.dev/cli/install?lang=en";
      case 2 -> "https://www.parcelly.com/help/returns";
      case 3 -> "https://quillstack.com/pricing#teams";
      default -> "https://github.com/stackhouse/cli/issues/" + Pick.between(rng, 100, 9999);
    };
  }
}
