package dev.sift.bench.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Random;

/**
 * Phone numbers that libphonenumber deems valid for their region, written the ways people write
 * them: the library's international, national and E.164 formats, and hand variants (dots, dashes,
 * {@code +44 (0)20}, {@code 0049} for {@code +49}).
 */
final class PhoneNumbers {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** A region, and national significant numbers to draw: a known prefix, then random digits. */
  private record Plan(String region, List<String> prefixes, int length) {}

  // Real area codes and mobile prefixes; each drawn number is kept only if libphonenumber says it
  // is valid. Every region here is in the detector's default region list, so national formats are
  // fair to plant.
  private static final List<Plan> PLANS =
      List.of(
          new Plan(
              "US", List.of("212", "415", "646", "312", "617", "206", "303", "512", "305"), 10),
          new Plan("CA", List.of("416", "604", "514", "403"), 10),
          new Plan("GB", List.of("20"), 10),
          new Plan("GB", List.of("161", "121", "131", "113", "117"), 10),
          new Plan("GB", List.of("77", "78", "79", "74", "75"), 10),
          new Plan("DE", List.of("30", "40", "89"), 9),
          new Plan("DE", List.of("151", "160", "170", "176"), 11),
          new Plan("FR", List.of("1", "4", "6", "7"), 9),
          new Plan("IN", List.of("98", "97", "91", "70", "88"), 10),
          new Plan("AU", List.of("2", "3", "7", "8", "4"), 9),
          new Plan("ES", List.of("91", "93", "6"), 9),
          new Plan("IT", List.of("02", "06", "33", "34"), 10),
          new Plan("NL", List.of("20", "10", "6"), 9),
          new Plan("IE", List.of("1"), 8),
          new Plan("IE", List.of("85", "87"), 9));

  private PhoneNumbers() {}

  static String draw(Random rng) {
    Plan plan = Pick.one(rng, PLANS);
    PhoneNumber number = valid(rng, plan);
    return format(rng, plan.region(), number);
  }

  private static PhoneNumber valid(Random rng, Plan plan) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      String prefix = Pick.one(rng, plan.prefixes());
      String national = prefix + Pick.digits(rng, plan.length() - prefix.length());
      PhoneNumber number = parse(national, plan.region());
      if (number != null && UTIL.isValidNumberForRegion(number, plan.region())) {
        return number;
      }
    }
    throw new IllegalStateException("No valid number drawn for " + plan);
  }

  private static PhoneNumber parse(String national, String region) {
    try {
      return UTIL.parse("+" + UTIL.getCountryCodeForRegion(region) + national, region);
    } catch (NumberParseException e) {
      return null;
    }
  }

  private static String format(Random rng, String region, PhoneNumber number) {
    String international = UTIL.format(number, PhoneNumberFormat.INTERNATIONAL);
    String national = UTIL.format(number, PhoneNumberFormat.NATIONAL);
    boolean nanp = region.equals("US") || region.equals("CA");
    switch (rng.nextInt(nanp ? 7 : 5)) {
      case 0:
        return UTIL.format(number, PhoneNumberFormat.E164);
      case 1:
        return national;
      case 2:
        return handVariant(region, international);
      case 3:
        // The digits dashed or dotted: 415-555-2671, 415.555.2671, 030-1234567.
        return national.replaceAll("[()]", "").replaceAll("[ -]", rng.nextBoolean() ? "-" : ".");
      case 5:
        return "+1 " + national;
      case 6:
        return "1-" + national.replaceAll("[()]", "").replace(' ', '-');
      default:
        return international;
    }
  }

  /** {@code +44 (0)20 7946 0958} in Britain, {@code 0049 30 901820} elsewhere in Europe. */
  private static String handVariant(String region, String international) {
    int space = international.indexOf(' ');
    return switch (region) {
      case "GB", "IE" ->
          international.substring(0, space) + " (0)" + international.substring(space + 1);
      case "DE", "FR", "ES", "IT", "NL" -> "00" + international.substring(1);
      default -> international.replace(' ', '-');
    };
  }
}
