package dev.sift.bench.pii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Draws the structured personal values the evaluation set plants, each in many surface forms. */
final class PiiValues {
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String UPPER_DIGITS = UPPER + "0123456789";
  private static final String HEX = "0123456789abcdef";

  private static final List<String> FREE_MAIL =
      List.of(
          "gmail.com",
          "outlook.com",
          "yahoo.co.uk",
          "hotmail.fr",
          "web.de",
          "proton.me",
          "icloud.com",
          "rediffmail.com",
          "qq.com",
          "wp.pl",
          "gmx.net",
          "yahoo.com");
  private static final List<String> COMPANY_MAIL =
      List.of(
          "acme-logistics.com",
          "northwind.io",
          "brightlabs.co.in",
          "kestrel-design.de",
          "harbourview.com.au",
          "lumenhealth.org",
          "oakridge-legal.co.uk",
          "tidepool.nl");
  private static final List<String> SUBDOMAINS = List.of("mail", "eng", "corp", "eu", "staff");
  private static final List<String> PLUS_TAGS =
      List.of("billing", "support", "orders", "work", "2024", "receipts");

  private PiiValues() {}

  /**
   * An address for {@code person}: plain or dotted names, initials, plus-tags, subdomains, digits,
   * occasionally written in upper case.
   */
  static String email(Random rng, Person person) {
    String first = Person.ascii(person.first());
    String last = Person.ascii(person.last());
    String domain =
        rng.nextBoolean()
            ? Pick.one(rng, FREE_MAIL)
            : (Pick.chance(rng, 35) ? Pick.one(rng, SUBDOMAINS) + "." : "")
                + Pick.one(rng, COMPANY_MAIL);
    String local =
        switch (rng.nextInt(7)) {
          case 0 -> first + "." + last;
          case 1 -> first.charAt(0) + "." + last;
          case 2 -> first + "+" + Pick.one(rng, PLUS_TAGS);
          case 3 -> first + last + Pick.between(rng, 1, 99);
          case 4 -> first + "_" + last.charAt(0);
          case 5 -> last + "." + first + "." + Pick.between(rng, 70, 99);
          default -> first;
        };
    String address = local + "@" + domain;
    return Pick.chance(rng, 8) ? address.toUpperCase(Locale.ROOT) : address;
  }

  /** A Luhn-valid Visa, Mastercard, Amex or Discover number: plain, spaced or dashed. */
  static String card(Random rng) {
    String prefix;
    int length = 16;
    switch (rng.nextInt(4)) {
      case 0 -> prefix = "4";
      case 1 ->
          prefix =
              rng.nextBoolean() ? "5" + Pick.between(rng, 1, 5) : "22" + Pick.between(rng, 21, 99);
      case 2 -> {
        prefix = Pick.of(rng, "34", "37");
        length = 15;
      }
      default -> prefix = Pick.of(rng, "6011", "65");
    }
    String payload = prefix + Pick.digits(rng, length - 1 - prefix.length());
    String digits = payload + Checksums.luhnCheckDigit(payload);
    int[] groups = length == 15 ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4};
    return switch (rng.nextInt(3)) {
      case 0 -> digits;
      case 1 -> grouped(digits, groups, " ");
      default -> grouped(digits, groups, "-");
    };
  }

  /** A checksum-valid IBAN of GB, DE, FR, NL, ES or IT: compact, or in groups of four. */
  static String iban(Random rng) {
    String country = Pick.of(rng, "GB", "DE", "FR", "NL", "ES", "IT");
    String bban =
        switch (country) {
          case "GB" -> Pick.of(rng, "NWBK", "BARC", "LOYD", "HBUK", "MIDL") + Pick.digits(rng, 14);
          case "DE" -> Pick.digits(rng, 18);
          case "FR" -> Pick.digits(rng, 23);
          case "NL" -> Pick.of(rng, "ABNA", "INGB", "RABO", "TRIO") + Pick.digits(rng, 10);
          case "ES" -> Pick.digits(rng, 20);
          default -> Pick.chars(rng, UPPER, 1) + Pick.digits(rng, 22);
        };
    String iban = country + Checksums.ibanCheckDigits(country, bban) + bban;
    if (rng.nextBoolean()) {
      return iban;
    }
    int[] fours = new int[(iban.length() + 3) / 4];
    Arrays.fill(fours, 4);
    fours[fours.length - 1] = iban.length() - 4 * (fours.length - 1);
    return grouped(iban, fours, " ");
  }

  /** An IPv4 address: public, private and documentation ranges. */
  static String ipv4(Random rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> "192.168." + Pick.between(rng, 0, 255) + "." + Pick.between(rng, 1, 254);
      case 1 ->
          "10."
              + Pick.between(rng, 0, 255)
              + "."
              + Pick.between(rng, 0, 255)
              + "."
              + Pick.between(rng, 1, 254);
      default ->
          Pick.between(rng, 11, 223)
              + "."
              + Pick.between(rng, 0, 255)
              + "."
              + Pick.between(rng, 0, 255)
              + "."
              + Pick.between(rng, 1, 254);
    };
  }

  /** An IPv6 address, full or compressed ({@code ::}) as RFC 5952 writes it. */
  static String ipv6(Random rng) {
    int[] groups = new int[8];
    groups[0] = Pick.of(rng, 0x2001, 0x2a02, 0x2600, 0xfe80, 0x2404);
    groups[1] = groups[0] == 0xfe80 ? 0 : rng.nextInt(0x10000);
    int zeroFrom = Pick.between(rng, 2, 5);
    int zeroTo = zeroFrom + Pick.between(rng, 0, 3);
    for (int i = 2; i < 8; i++) {
      groups[i] = i >= zeroFrom && i < zeroTo ? 0 : rng.nextInt(0x10000);
    }
    if (Pick.chance(rng, 25)) {
      List<String> full = new ArrayList<>();
      for (int group : groups) {
        full.add(String.format(Locale.ROOT, "%04x", group));
      }
      return String.join(":", full);
    }
    return compressed(groups);
  }

  /** RFC 5952: no leading zeros; the longest run of two or more zero groups becomes {@code ::}. */
  static String compressed(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < groups.length; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  /**
   * A US SSN that follows the issuing rules (area not 000, 666 or 900-999; group not 00; serial not
   * 0000), dashed or spaced.
   */
  static String ssn(Random rng) {
    String[] parts = ssnParts(rng);
    String separator = Pick.chance(rng, 75) ? "-" : " ";
    return String.join(separator, parts);
  }

  /** SSN area, group and serial; also what nine-digit hard negatives are made of. */
  static String[] ssnParts(Random rng) {
    int area;
    do {
      area = Pick.between(rng, 1, 899);
    } while (area == 666);
    return new String[] {
      String.format(Locale.ROOT, "%03d", area),
      String.format(Locale.ROOT, "%02d", Pick.between(rng, 1, 99)),
      String.format(Locale.ROOT, "%04d", Pick.between(rng, 1, 9999))
    };
  }

  static String hex(Random rng, int length) {
    return Pick.chars(rng, HEX, length);
  }

  static String upperAlnum(Random rng, int length) {
    return Pick.chars(rng, UPPER_DIGITS, length);
  }

  static String grouped(String text, int[] sizes, String separator) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int size : sizes) {
      if (at > 0) {
        out.append(separator);
      }
      out.append(text, at, at + size);
      at += size;
    }
    return out.toString();
  }
}
