package dev.sift.transforms.anonymize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words whose places anchor the recognizers, found in each text in one pass ({@link Keywords})
 * instead of one search per word: a recognizer runs its pattern only near them, or only on texts
 * holding one. Every word any recognizer asks for is listed here; asking for another is a bug,
 * which {@link #ignoringCase} and {@link #exactCase} report at once.
 */
final class Anchors {
  /** The names of credentials (password, api_token, ...) hold one of these: SecretRecognizer. */
  static final List<String> ASSIGNMENT_WORDS =
      List.of("pass", "pwd", "secret", "token", "key", "bearer");

  /** Words after which a bare digit run is a phone number: PhoneRecognizer. */
  static final List<String> PHONE_WORDS =
      List.of("phone", "tel", "mobile", "cell", "call", "text", "sms", "whatsapp", "fax", "dial");

  /** A bare nine-digit SSN follows one of these: SsnRecognizer. */
  static final List<String> SSN_WORDS = List.of("ssn", "social security");

  /** A date of birth follows one of these: BirthDateRecognizer. */
  static final List<String> BIRTH_WORDS = List.of("birth", "born", "dob", "d.o.b");

  /** German street types (AddressRecognizer); "weg " and "ring " end a word. */
  static final List<String> GERMAN_STREETS =
      List.of("stra", "str.", "weg ", "allee", "platz", "gasse", "ring ", "damm", "ufer");

  /** Dutch street types: AddressRecognizer. */
  static final List<String> DUTCH_STREETS =
      List.of("straat", "gracht", "laan", "plein", "kade", "singel", "dijk", "steeg");

  /** Post-office boxes: AddressRecognizer. */
  static final List<String> PO_BOX = List.of("box");

  /** The literal parts of the token shapes that SecretRecognizer knows, in their case. */
  static final List<String> SECRET_LITERALS =
      List.of(
          "AKIA",
          "ASIA",
          "AGPA",
          "AIDA",
          "AROA",
          "ANPA",
          "ANVA",
          "AIPA",
          "ghp_",
          "gho_",
          "ghu_",
          "ghs_",
          "ghr_",
          "github_pat_",
          "glpat-",
          "npm_",
          "hf_",
          "sk-",
          "_live_",
          "_test_",
          "xox",
          "hooks.slack.com",
          "/api/webhooks/",
          ":AA",
          "AIza",
          "SG.",
          "SK",
          "eyJ",
          "-----BEGIN");

  private static final Keywords KEYWORDS =
      new Keywords(
          concat(
              ASSIGNMENT_WORDS,
              PHONE_WORDS,
              SSN_WORDS,
              BIRTH_WORDS,
              GERMAN_STREETS,
              DUTCH_STREETS,
              PO_BOX),
          SECRET_LITERALS);

  private Anchors() {}

  static Keywords.Hits find(char[] text) {
    return KEYWORDS.find(text);
  }

  /** Some of the words above, matched ignoring case. */
  static Group ignoringCase(List<String> words) {
    return group(words, true);
  }

  /** Some of the words above, matched in their case. */
  static Group exactCase(List<String> words) {
    return group(words, false);
  }

  private static Group group(List<String> words, boolean ignoringCase) {
    int[] ids = words.stream().mapToInt(word -> KEYWORDS.id(word, ignoringCase)).toArray();
    int[] lengths = Arrays.stream(ids).map(KEYWORDS::length).toArray();
    return new Group(ids, lengths);
  }

  /** Words whose places a recognizer asks a {@link ScannedText} for. */
  record Group(int[] ids, int[] lengths) {}

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return all;
  }
}
