package dev.sift.transforms.anonymize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.sift.schemas.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers: runs of digits and separators that libphonenumber deems a valid number of one of
 * the spec's regions, or of any region when written with {@code +} or {@code 00}. North American
 * numbers in the usual {@code (415) 555-0123} layout count even when the exchange is one
 * libphonenumber does not list, such as the fictional 555.
 *
 * <p>Order, case and reference numbers are digit runs too, and many are valid phone numbers
 * somewhere, so a run written without any separator or {@code +} counts only after a phone word
 * ("call me on 07700900123"). Dates, times and dotted versions ({@code 121.0.5636.179}) never
 * count. A national number must carry its region's trunk prefix ({@code 020 7946 0958}, not {@code
 * 20 7946 0958}), as libphonenumber's own matcher requires.
 *
 * <p>A candidate that only libphonenumber can confirm is confirmed when {@link PiiDetector} settles
 * the findings and would keep it: a third of the candidates are card numbers, SSNs, IP addresses
 * and the like, which a more specific finding covers, and validating them is the costly part.
 */
final class PhoneRecognizer {
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\w+\\-/#.])\\+?\\(?\\d(?:[\\d().\\-/]|[ \\u00A0](?=[\\d(]))*(?<![(.\\-/])");
  private static final Pattern NANP_LAYOUT =
      Pattern.compile("(?:\\+?1[ .-]?)?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .-])\\d{3}[ .-]\\d{4}");

  /** Dates and times that a digit run may be, which libphonenumber's own matcher also skips. */
  private static final Pattern DATE_OR_TIME =
      Pattern.compile(
          "^\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|^\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}$|\\d:\\d\\d");

  /** A dotted run with a one-digit part: a version or an IP address, not a phone number. */
  private static final Pattern DOTTED_WITH_SINGLE_DIGIT = Pattern.compile("(?:^|\\.)\\d(?:\\.|$)");

  private static final Anchors.Group PHONE_WORDS = Anchors.ignoringCase(Anchors.PHONE_WORDS);
  private static final int PHONE_WORD_REACH = 32;

  private static final int MIN_DIGITS = 7;

  /** Fifteen digits at most (E.164), and a written {@code 00} or {@code (0)} on top. */
  private static final int MAX_DIGITS = 17;

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  /** One region per country calling code: validation covers every region sharing the code. */
  private final List<Region> regions;

  /**
   * The calling codes {@link #nationalCallingCode} gave last on each thread: a number's surrogate
   * asks for the code the detector worked out for it moments before, and libphonenumber's
   * validation is the costly part of both.
   */
  private final ThreadLocal<Map<String, Integer>> recentCallingCodes =
      ThreadLocal.withInitial(RecentCallingCodes::new);

  PhoneRecognizer(List<String> regions) {
    List<Region> distinct = new ArrayList<>();
    Set<Integer> codes = new HashSet<>();
    for (String region : regions) {
      int code = util.getCountryCodeForRegion(region);
      if (codes.add(code)) {
        distinct.add(new Region(region, code, util.getNddPrefixForRegion(region, true)));
      }
    }
    this.regions = List.copyOf(distinct);
  }

  /**
   * A region, its calling code and its trunk prefix. Where the trunk prefix is 0, 1 (North America)
   * or none, the national significant number is the digits without it, so a number is validated
   * without parsing the text again; other regions (such as Russia's 8) go through libphonenumber's
   * parser, which knows their rules.
   */
  private record Region(String code, int callingCode, String trunkPrefix) {
    boolean needsTrunkZero() {
      return "0".equals(trunkPrefix);
    }

    boolean simpleTrunk() {
      return trunkPrefix == null || trunkPrefix.equals("0") || trunkPrefix.equals("1");
    }
  }

  /**
   * Adds the phone numbers in {@code text} to {@code found}, and to {@code unconfirmed} those that
   * are numbers only if libphonenumber says so.
   */
  void find(ScannedText text, List<Span> found, Unconfirmed unconfirmed) {
    text.matchesNearDigits(
        CANDIDATE,
        2,
        PhoneRecognizer::hasEnoughDigits,
        candidate -> {
          Screening screening = screen(text, candidate.group(), candidate.start(), candidate.end());
          if (screening != Screening.NOT_A_PHONE) {
            Span span = new Span(candidate.start(), candidate.end(), EntityType.PHONE);
            found.add(span);
            if (screening == Screening.ASK_LIBPHONENUMBER) {
              unconfirmed.add(span);
            }
          }
          return true;
        });
  }

  /** What the cheap tests tell of a candidate. */
  private enum Screening {
    PHONE,
    NOT_A_PHONE,
    ASK_LIBPHONENUMBER
  }

  /** An empty set of unconfirmed candidates of {@code text}, for {@link #find}. */
  Unconfirmed unconfirmed(String text) {
    return new Unconfirmed(text);
  }

  /**
   * The candidates of one text that libphonenumber has to confirm, each asked at most once however
   * many times the findings are settled.
   */
  final class Unconfirmed {
    private final String text;

    /** Each candidate and libphonenumber's verdict, null until asked; made on the first add. */
    private Map<Span, Boolean> verdicts;

    private Unconfirmed(String text) {
      this.text = text;
    }

    private void add(Span span) {
      if (verdicts == null) {
        verdicts = new HashMap<>();
      }
      verdicts.putIfAbsent(span, null);
    }

    /** Whether {@code span} is a candidate that libphonenumber does not deem a valid number. */
    boolean rejects(Span span) {
      if (span.type() != EntityType.PHONE || verdicts == null || !verdicts.containsKey(span)) {
        return false;
      }
      Boolean valid = verdicts.get(span);
      if (valid == null) {
        valid = isValid(span.in(text));
        verdicts.put(span, valid);
      }
      return !valid;
    }
  }

  /**
   * Whether a candidate may start at {@code start}, and the run of the characters a candidate is
   * made of from there holds at least {@link #MIN_DIGITS} digits: a match from there, or from any
   * later start inside it, holds no more than the run does.
   */
  private static boolean hasEnoughDigits(char[] text, int start) {
    int at = start;
    if (at < text.length && text[at] == '+') {
      at++;
    }
    if (!ScannedText.isDigitAt(text, at) && !ScannedText.isAt(text, at, '(')) {
      return false; // A candidate starts with a digit, maybe after + and (.
    }
    int digits = 0;
    for (; at < text.length; at++) {
      char c = text[at];
      if (ScannedText.isDigit(c)) {
        digits++;
      } else if (c == ' ' || c == '\u00A0') {
        if (!ScannedText.isDigitAt(text, at + 1) && !ScannedText.isAt(text, at + 1, '(')) {
          break;
        }
      } else if ("().-/".indexOf(c) < 0) {
        break;
      }
    }
    return digits >= MIN_DIGITS;
  }

  private static Screening screen(ScannedText text, String candidate, int start, int end) {
    int digits = Digits.count(candidate);
    if (digits < MIN_DIGITS || digits > MAX_DIGITS || followedByWord(text.value(), end)) {
      return Screening.NOT_A_PHONE;
    }
    if (NANP_LAYOUT.matcher(candidate).matches()) {
      return Screening.PHONE;
    }
    if (DATE_OR_TIME.matcher(candidate).find()
        || DOTTED_WITH_SINGLE_DIGIT.matcher(candidate).find()) {
      return Screening.NOT_A_PHONE;
    }
    boolean international = candidate.startsWith("+") || candidate.startsWith("00");
    if (!international && digits == candidate.length() && !afterPhoneWord(text, start)) {
      return Screening.NOT_A_PHONE;
    }
    return Screening.ASK_LIBPHONENUMBER;
  }

  /**
   * Whether libphonenumber deems the candidate a valid number: of any region when written with
   * {@code +} or {@code 00}, else of one of the spec's.
   */
  private boolean isValid(String candidate) {
    if (candidate.startsWith("+") || candidate.startsWith("00")) {
      return isValid(candidate.startsWith("00") ? "+" + candidate.substring(2) : candidate, "ZZ");
    }
    return nationalCallingCode(candidate) > 0;
  }

  /**
   * The calling code of the first of the spec's regions (in their order) that deems a number
   * written without {@code +} or {@code 00} valid; 0 when none does.
   */
  int nationalCallingCode(String candidate) {
    Map<String, Integer> recent = recentCallingCodes.get();
    Integer code = recent.get(candidate);
    if (code == null) {
      code = firstValidCallingCode(candidate);
      recent.put(candidate, code);
    }
    return code;
  }

  private int firstValidCallingCode(String candidate) {
    String digits = Digits.only(candidate);
    for (Region region : regions) {
      if (region.needsTrunkZero() && digits.charAt(0) != '0') {
        continue;
      }
      boolean valid =
          region.simpleTrunk()
              ? isValidNational(digits, region)
              : isValid(candidate, region.code());
      if (valid) {
        return region.callingCode();
      }
    }
    return 0;
  }

  private boolean isValidNational(String digits, Region region) {
    String national = digits;
    if (region.needsTrunkZero()) {
      national = digits.substring(1);
    } else if (region.callingCode() == 1 && digits.length() == 11 && digits.charAt(0) == '1') {
      national = digits.substring(1);
    }
    PhoneNumber number = number(region.callingCode(), national);
    return number != null && util.isPossibleNumber(number) && util.isValidNumber(number);
  }

  /**
   * The number of a calling code and national significant number, whose leading zeros (Italy's
   * numbers keep theirs after the calling code) libphonenumber holds apart; null when it is all
   * zeros.
   */
  static PhoneNumber number(int callingCode, String national) {
    int zeros = 0;
    while (zeros < national.length() && national.charAt(zeros) == '0') {
      zeros++;
    }
    if (zeros == national.length()) {
      return null;
    }
    PhoneNumber number =
        new PhoneNumber().setCountryCode(callingCode).setNationalNumber(Long.parseLong(national));
    if (zeros > 0) {
      number.setItalianLeadingZero(true).setNumberOfLeadingZeros(zeros);
    }
    return number;
  }

  private boolean isValid(String candidate, String region) {
    try {
      return util.isValidNumber(util.parse(candidate, region));
    } catch (NumberParseException notANumber) {
      return false;
    }
  }

  private static boolean afterPhoneWord(ScannedText text, int start) {
    return text.occursWithin(PHONE_WORDS, Math.max(0, start - PHONE_WORD_REACH), start);
  }

  /** A digit run glued to letters ({@code 1Z999AA1...}, {@code 42kg}) is a code, not a phone. */
  private static boolean followedByWord(String text, int end) {
    return end < text.length() && Character.isLetter(text.charAt(end));
  }

  /** The last {@link #SIZE} numbers asked about, by their text. */
  private static final class RecentCallingCodes extends LinkedHashMap<String, Integer> {
    /** More phone numbers than a conversation holds. */
    private static final int SIZE = 64;

    private RecentCallingCodes() {
      super(SIZE * 2, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
      return size() > SIZE;
    }
  }
}
