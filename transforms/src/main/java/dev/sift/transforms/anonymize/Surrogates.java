package dev.sift.transforms.anonymize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.sift.schemas.EntityType;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic fake values of the same shape as the ones they replace, drawn from ranges reserved for
 * fiction and documentation so that a surrogate can never be someone's real data: e-mail at the
 * reserved example domains (RFC 2606), North American 555-01xx and UK Ofcom drama numbers, card
 * numbers in test ranges with a valid check digit, IBANs with valid check digits, documentation IP
 * ranges (RFC 5737, RFC 3849), SSNs in the never-issued 9xx area. Layout (separators, grouping,
 * case) follows the original. Every draw comes from the random stream it is given, so surrogates
 * are deterministic.
 */
final class Surrogates {
  private static final List<String> EXAMPLE_DOMAINS =
      List.of("example.com", "example.org", "example.net");
  private static final List<String> STREET_TYPES =
      List.of("Street", "Avenue", "Road", "Lane", "Drive", "Way", "Place", "Terrace");
  private static final List<String> MONTHS =
      List.of(
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December");
  private static final Pattern SECRET_PREFIX =
      Pattern.compile(
          "^(?:(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)|AIza|eyJ|SG\\.|SK"
              + "|[a-z]{2,7}(?:_[a-z]{2,5})?[_-](?:[a-z0-9]{2,7}[_-]){0,2})");
  private static final Pattern FULL_MONTH =
      Pattern.compile("(?is).*(?:" + String.join("|", MONTHS) + ").*");
  private static final Pattern ANY_LETTER = Pattern.compile("(?s).*\\p{L}.*");
  private static final Pattern DATE_NUMERIC =
      Pattern.compile("(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{2,4})");

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final NameLexicon names = NameLexicon.get();
  private final PhoneRecognizer phones;
  private final Set<Integer> callingCodes = util.getSupportedCallingCodes();

  /** A country's example national number by calling code: libphonenumber parses it each time. */
  private final Map<Integer, String> exampleNumbers = new ConcurrentHashMap<>();

  /** {@code phones}: the detector's, whose calling code of a national number it reuses. */
  Surrogates(PhoneRecognizer phones) {
    this.phones = phones;
  }

  /** A fake value for {@code original}, which was detected as {@code type}. */
  String of(EntityType type, String original, SplittableRandom random) {
    return switch (type) {
      case EMAIL -> email(original, random);
      case PHONE -> phone(original, random);
      case CREDIT_CARD -> card(original, random);
      case IBAN -> iban(original, random);
      case IP_ADDRESS -> ip(original, random);
      case US_SSN -> pour(original, "9" + digits(8, random));
      case SECRET -> secret(original, random);
      case URL -> url(original, random);
      case PERSON -> personWord(original, false, random);
      case STREET_ADDRESS -> address(original, random);
      case DATE_OF_BIRTH -> birthDate(original, random);
    };
  }

  /** A fake name word: a given name for the first word of a name, a family name otherwise. */
  String personWord(String original, boolean family, SplittableRandom random) {
    List<String> pool = family ? names.lastNames() : names.firstNames();
    return sameCase(original, pool.get(random.nextInt(pool.size())));
  }

  private String email(String original, SplittableRandom random) {
    String local =
        pick(names.firstNames(), random).toLowerCase(Locale.ROOT)
            + "."
            + pick(names.lastNames(), random).toLowerCase(Locale.ROOT).replace("'", "");
    String email = local + "@" + pick(EXAMPLE_DOMAINS, random);
    return original.equals(original.toUpperCase(Locale.ROOT))
        ? email.toUpperCase(Locale.ROOT)
        : email;
  }

  private String phone(String original, SplittableRandom random) {
    int countryCode = callingCode(original);
    String national =
        switch (countryCode) {
          case 1 -> (200 + random.nextInt(700)) + "55501" + digits(2, random);
          case 44 ->
              Digits.only(original).contains("207946")
                  ? "207946" + "0" + digits(3, random)
                  : "7700900" + digits(3, random);
          case 61 -> "491570" + (156 + random.nextInt(4));
          default -> exampleNational(countryCode, random);
        };
    PhoneNumber fake = PhoneRecognizer.number(countryCode, national);
    String number = original.strip();
    String formatted;
    if (number.startsWith("+")) {
      formatted = util.format(fake, PhoneNumberFormat.INTERNATIONAL);
    } else if (number.startsWith("00")) {
      formatted = "00" + util.format(fake, PhoneNumberFormat.INTERNATIONAL).substring(1);
    } else {
      formatted = util.format(fake, PhoneNumberFormat.NATIONAL);
    }
    return Digits.count(formatted) == Digits.count(original)
        ? pour(original, Digits.only(formatted))
        : formatted;
  }

  /**
   * The calling code of a number found as a phone number: the one written after its {@code +} or
   * {@code 00}, else that of the first of the spec's regions it is a valid number of, as the
   * detector validated it; 1 when none is (a fictional North American 555 number, say).
   */
  private int callingCode(String original) {
    String number = original.strip();
    String digits = Digits.only(number);
    int code;
    if (number.startsWith("+")) {
      code = leadingCallingCode(digits);
    } else if (number.startsWith("00")) {
      code = leadingCallingCode(digits.substring(2));
    } else {
      code = digits.isEmpty() ? 0 : phones.nationalCallingCode(number);
    }
    return code > 0 ? code : 1;
  }

  /**
   * The calling code that starts the digits written after a {@code +}, read as libphonenumber's
   * parser reads it without the cost of parsing: calling codes are prefix-free. 0 when none does.
   */
  private int leadingCallingCode(String digits) {
    if (digits.isEmpty() || digits.charAt(0) == '0') {
      return 0;
    }
    for (int length = 1; length <= 3 && length <= digits.length(); length++) {
      int code = Integer.parseInt(digits, 0, length, 10);
      if (callingCodes.contains(code)) {
        return code;
      }
    }
    return 0;
  }

  /** Other countries have no fictional range: their example number, last digits redrawn. */
  private String exampleNational(int countryCode, SplittableRandom random) {
    String national = exampleNumbers.computeIfAbsent(countryCode, this::exampleNational);
    return national.substring(0, national.length() - 3) + digits(3, random);
  }

  private String exampleNational(int countryCode) {
    PhoneNumber example = util.getExampleNumber(util.getRegionCodeForCountryCode(countryCode));
    return example == null ? "5550100" : util.getNationalSignificantNumber(example);
  }

  private static String card(String original, SplittableRandom random) {
    String digits = Digits.only(original);
    String prefix =
        switch (digits.charAt(0)) {
          case '3' -> digits.length() == 15 ? "378282" : "305693";
          case '5', '2' -> "555555";
          case '6' -> "601111";
          default -> "400000";
        };
    String body = prefix + digits(digits.length() - prefix.length() - 1, random);
    for (int check = 0; check <= 9; check++) {
      if (Digits.luhnValid(body + check)) {
        return pour(original, body + check);
      }
    }
    throw new AssertionError("Some check digit always satisfies Luhn");
  }

  private static String iban(String original, SplittableRandom random) {
    String compact = original.replace(" ", "").toUpperCase(Locale.ROOT);
    String bban = byClass(compact.substring(4), random).toUpperCase(Locale.ROOT);
    String country = compact.substring(0, 2);
    String numeric = toDigits(bban + country + "00");
    int check = 98 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
    String fake = country + twoDigits(check) + bban;
    StringBuilder laidOut = new StringBuilder();
    int next = 0;
    for (int i = 0; i < original.length() && next < fake.length(); i++) {
      laidOut.append(original.charAt(i) == ' ' ? ' ' : fake.charAt(next++));
    }
    return laidOut.toString();
  }

  private static String toDigits(String alphanumeric) {
    StringBuilder digits = new StringBuilder();
    for (char c : alphanumeric.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return digits.toString();
  }

  private static String ip(String original, SplittableRandom random) {
    if (original.indexOf(':') >= 0) {
      return "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe));
    }
    String network = pick(List.of("192.0.2.", "198.51.100.", "203.0.113."), random);
    return network + (1 + random.nextInt(254));
  }

  private static String secret(String original, SplittableRandom random) {
    if (original.startsWith("-----BEGIN")) {
      StringBuilder pem = new StringBuilder();
      for (String line : original.split("\n", -1)) {
        pem.append(pem.length() == 0 ? "" : "\n");
        pem.append(line.startsWith("-----") ? line : byClass(line, random));
      }
      return pem.toString();
    }
    Matcher prefix = SECRET_PREFIX.matcher(original);
    int keep = prefix.find() && prefix.end() < original.length() - 8 ? prefix.end() : 0;
    return original.substring(0, keep) + byClass(original.substring(keep), random);
  }

  private static String url(String original, SplittableRandom random) {
    StringBuilder fake = new StringBuilder(original.length());
    int last = 0;
    for (int[] secret = UrlSecrets.next(original, 0);
        secret != null;
        secret = UrlSecrets.next(original, last)) {
      fake.append(original, last, secret[0])
          .append(byClass(original.substring(secret[0], secret[1]), random));
      last = secret[1];
    }
    return fake.append(original, last, original.length()).toString();
  }

  private String address(String original, SplittableRandom random) {
    String type =
        STREET_TYPES.stream()
            .filter(street -> original.contains(street))
            .findFirst()
            .orElse(pick(STREET_TYPES, random));
    String street = (1 + random.nextInt(998)) + " " + pick(names.lastNames(), random) + " " + type;
    return original.contains(",") ? street + ", Springfield" : street;
  }

  /** A date between 1940 and 2005 written the way the original was. */
  private static String birthDate(String original, SplittableRandom random) {
    int year = 1940 + random.nextInt(66);
    int month = 1 + random.nextInt(12);
    int day = 1 + random.nextInt(12); // At most 12, so day-first and month-first both read right.
    Matcher numeric = DATE_NUMERIC.matcher(original);
    if (numeric.matches()) {
      String separator = numeric.group(2);
      if (numeric.group(1).length() == 4) {
        return year + separator + twoDigits(month) + separator + twoDigits(day);
      }
      String yearText = numeric.group(4).length() == 2 ? twoDigits(year % 100) : "" + year;
      String dayText = numeric.group(1).length() == 2 ? twoDigits(day) : Integer.toString(day);
      String monthText =
          numeric.group(3).length() == 2 ? twoDigits(month) : Integer.toString(month);
      return dayText + separator + monthText + separator + yearText;
    }
    String monthName = MONTHS.get(month - 1);
    boolean abbreviated =
        !FULL_MONTH.matcher(original).matches() && ANY_LETTER.matcher(original).matches();
    if (abbreviated) {
      monthName = monthName.substring(0, 3);
    }
    return Character.isDigit(original.strip().charAt(0))
        ? day + " " + monthName + " " + year
        : monthName + " " + day + ", " + year;
  }

  /**
   * {@code value} (0 to 99) in two ASCII digits, as {@code String.format("%02d")} writes it in an
   * English locale but in every locale: a surrogate must not depend on the machine's.
   */
  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  /** Each letter and digit replaced by a random one of its class; everything else kept. */
  static String byClass(String original, SplittableRandom random) {
    StringBuilder fake = new StringBuilder(original.length());
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (c >= 'a' && c <= 'z') {
        fake.append((char) ('a' + random.nextInt(26)));
      } else if (c >= 'A' && c <= 'Z') {
        fake.append((char) ('A' + random.nextInt(26)));
      } else if (c >= '0' && c <= '9') {
        fake.append((char) ('0' + random.nextInt(10)));
      } else {
        fake.append(c);
      }
    }
    return fake.toString();
  }

  /** {@code digits} written into the layout of {@code original} (its separators kept). */
  static String pour(String original, String digits) {
    StringBuilder laidOut = new StringBuilder(original.length());
    int next = 0;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      laidOut.append(c >= '0' && c <= '9' && next < digits.length() ? digits.charAt(next++) : c);
    }
    return laidOut.toString();
  }

  private static String digits(int n, SplittableRandom random) {
    StringBuilder digits = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  private static String sameCase(String original, String name) {
    if (isLowerCase(original)) {
      return name.toLowerCase(Locale.ROOT);
    }
    if (original.length() > 1 && isUpperCase(original)) {
      return name.toUpperCase(Locale.ROOT);
    }
    return name;
  }

  /** Whether lower-casing leaves {@code text} as it is; without a copy when it is ASCII. */
  private static boolean isLowerCase(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128) {
        return text.equals(text.toLowerCase(Locale.ROOT));
      }
      if (c >= 'A' && c <= 'Z') {
        return false;
      }
    }
    return true;
  }

  /** Whether upper-casing leaves {@code text} as it is; without a copy when it is ASCII. */
  private static boolean isUpperCase(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128) {
        return text.equals(text.toUpperCase(Locale.ROOT));
      }
      if (c >= 'a' && c <= 'z') {
        return false;
      }
    }
    return true;
  }

  private static <T> T pick(List<T> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }
}
