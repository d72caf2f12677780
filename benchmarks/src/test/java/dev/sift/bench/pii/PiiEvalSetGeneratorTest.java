package dev.sift.bench.pii;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.EntityType;
import dev.sift.schemas.spec.AnonymizeSpec;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.ingest.FileParsing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.InetAddressValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PiiEvalSetGeneratorTest {
  private static final long SEED = 7L;
  private static final Pattern SSN = Pattern.compile("(\\d{3})([- ])(\\d{2})\\2(\\d{4})");

  private static List<EvalConversation> set;

  @BeforeAll
  static void generate() {
    set = PiiEvalSetGenerator.generate(SEED, 500);
  }

  @Test
  void sameSeedGivesTheSameBytes() throws IOException {
    assertArrayEquals(bytes(PiiEvalSetGenerator.generate(SEED, 200)), bytes(set.subList(0, 200)));
    assertFalse(
        Arrays.equals(
            bytes(PiiEvalSetGenerator.generate(SEED + 1, 200)), bytes(set.subList(0, 200))));
  }

  @Test
  void everySpanHoldsItsValueAndNoneOverlap() {
    for (EvalMessage message : messages()) {
      List<int[]> taken = new ArrayList<>();
      for (GoldSpan span : message.spans()) {
        assertEquals(span.value(), message.content().substring(span.start(), span.end()));
        assertEquals(span.value().strip(), span.value(), "no surrounding space: " + span);
        taken.add(new int[] {span.start(), span.end()});
      }
      for (NegativeSpan negative : message.negatives()) {
        assertEquals(
            negative.value(), message.content().substring(negative.start(), negative.end()));
        taken.add(new int[] {negative.start(), negative.end()});
      }
      for (int i = 0; i < taken.size(); i++) {
        for (int j = i + 1; j < taken.size(); j++) {
          int[] a = taken.get(i);
          int[] b = taken.get(j);
          assertFalse(a[0] < b[1] && b[0] < a[1], "overlap in: " + message.content());
        }
      }
    }
  }

  @Test
  void everyEntityTypeAndHardNegativeKindAppears() {
    Set<EntityType> types = EnumSet.noneOf(EntityType.class);
    Set<NegativeKind> kinds = EnumSet.noneOf(NegativeKind.class);
    for (EvalMessage message : messages()) {
      message.spans().forEach(span -> types.add(span.type()));
      message.negatives().forEach(negative -> kinds.add(negative.kind()));
    }
    assertEquals(EnumSet.allOf(EntityType.class), types);
    assertEquals(EnumSet.allOf(NegativeKind.class), kinds);
  }

  @Test
  void cardsPassLuhnAndNonCardsFailIt() {
    CreditCardValidator cards = CreditCardValidator.genericCreditCardValidator();
    for (String card : values(EntityType.CREDIT_CARD)) {
      assertTrue(cards.isValid(card.replaceAll("[ -]", "")), card);
    }
    for (String number : negatives(NegativeKind.NON_LUHN_NUMBER)) {
      assertFalse(Checksums.luhnValid(number.replace(" ", "")), number);
    }
  }

  @Test
  void ibansAreChecksumValid() {
    for (String iban : values(EntityType.IBAN)) {
      assertTrue(IBANValidator.getInstance().isValid(iban.replace(" ", "")), iban);
    }
  }

  @Test
  void ssnsFollowTheIssuingRulesAndNineDigitNegativesWouldToo() {
    for (String ssn : values(EntityType.US_SSN)) {
      var match = SSN.matcher(ssn);
      assertTrue(match.matches(), ssn);
      assertTrue(validSsn(match.group(1), match.group(3), match.group(4)), ssn);
    }
    for (String digits : negatives(NegativeKind.NINE_DIGIT_NUMBER)) {
      assertTrue(digits.matches("\\d{9}"), digits);
      assertTrue(validSsn(digits.substring(0, 3), digits.substring(3, 5), digits.substring(5)));
    }
  }

  @Test
  void phonesAreValidForTheirRegion() {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    for (String phone : values(EntityType.PHONE)) {
      boolean valid = false;
      for (String region : AnonymizeSpec.DEFAULT_PHONE_REGIONS) {
        try {
          valid |= util.isValidNumber(util.parse(phone, region));
        } catch (NumberParseException e) {
          // Not a number of this region; another may take it.
        }
      }
      assertTrue(valid, phone);
    }
  }

  @Test
  void emailsAndIpsAreValid() {
    for (String email : values(EntityType.EMAIL)) {
      assertTrue(EmailValidator.getInstance().isValid(email), email);
    }
    for (String ip : values(EntityType.IP_ADDRESS)) {
      assertTrue(InetAddressValidator.getInstance().isValid(ip), ip);
    }
  }

  @Test
  void valuesComeInManySurfaceForms() {
    assertForm(EntityType.EMAIL, "upper case", v -> v.equals(v.toUpperCase()));
    assertForm(EntityType.EMAIL, "plus tag", v -> v.contains("+"));
    assertContext(EntityType.EMAIL, "in angle brackets", "<", ">");
    assertForm(EntityType.PHONE, "E.164", v -> v.matches("\\+\\d{8,15}"));
    assertForm(EntityType.PHONE, "US national", v -> v.matches("\\(\\d{3}\\) \\d{3}-\\d{4}"));
    assertForm(EntityType.PHONE, "dotted", v -> v.matches("\\d{2,4}(\\.\\d{2,4}){2,4}"));
    assertForm(EntityType.PHONE, "international", v -> v.matches("\\+\\d{1,3} [\\d ]+"));
    assertForm(EntityType.PHONE, "+44 (0)", v -> v.startsWith("+44 (0)"));
    assertForm(EntityType.CREDIT_CARD, "plain", v -> v.matches("\\d{15,16}"));
    assertForm(EntityType.CREDIT_CARD, "spaced", v -> v.matches("\\d{4} \\d{4,6} .*"));
    assertForm(EntityType.CREDIT_CARD, "dashed", v -> v.matches("\\d{4}-.*"));
    assertForm(EntityType.IBAN, "compact", v -> !v.contains(" "));
    assertForm(EntityType.IBAN, "grouped", v -> v.matches("[A-Z]{2}\\d{2}( \\w{1,4})+"));
    assertForm(EntityType.IP_ADDRESS, "IPv6 compressed", v -> v.contains("::"));
    assertForm(EntityType.IP_ADDRESS, "IPv4", v -> v.matches("[\\d.]+"));
    assertForm(EntityType.US_SSN, "spaced", v -> v.contains(" "));
    assertForm(EntityType.SECRET, "PEM block", v -> v.startsWith("-----BEGIN "));
    assertForm(EntityType.SECRET, "JWT", v -> v.startsWith("eyJ") && v.split("\\.").length == 3);
    assertForm(EntityType.SECRET, "GitHub token", v -> v.matches("gh[a-z]_.*|github_pat_.*"));
    assertForm(EntityType.SECRET, "AWS key id", v -> v.matches("AKIA[A-Z2-7]{16}"));
    assertForm(EntityType.URL, "user info", v -> v.matches("https://[^/]+:[^/]+@.*"));
    assertForm(EntityType.URL, "token parameter", v -> v.contains("access_token="));
    assertForm(EntityType.PERSON, "lower case", v -> v.equals(v.toLowerCase()));
    assertForm(EntityType.PERSON, "with diacritics", v -> !v.matches("[\\x00-\\x7F]+"));
    assertContext(EntityType.PERSON, "after a greeting", "Hi ", ",");
    assertContext(EntityType.PERSON, "in a sign-off", "regards,\n", "");
    assertContext(EntityType.PERSON, "in a list", "cc ", " and");
    assertContext(EntityType.PERSON, "after a title", "Mr. ", "");
    assertForm(EntityType.STREET_ADDRESS, "on several lines", v -> v.contains("\n"));
    assertContext(EntityType.DATE_OF_BIRTH, "introduced as DOB", "DOB: ", "");
    assertContext(EntityType.DATE_OF_BIRTH, "introduced as born on", "born on ", "");
  }

  @Test
  void siftReadsTheSetAsOpenAiChat() throws IOException {
    List<Conversation> read = new ArrayList<>();
    long deadLetters =
        FileParsing.parse(
            new ByteArrayInputStream(bytes(set)), "pii-eval.jsonl", SiftSpec.standard(), read::add);

    assertEquals(0, deadLetters);
    assertEquals(set.size(), read.size());
    for (int i = 0; i < set.size(); i++) {
      EvalConversation expected = set.get(i);
      Conversation actual = read.get(i);
      assertEquals(expected.task(), actual.getTask());
      assertEquals(expected.agent().orElse(null), actual.getMetadata().get("agent"));
      for (int m = 0; m < expected.messages().size(); m++) {
        assertEquals(
            expected.messages().get(m).content(), actual.getMessages().get(m).getContent());
      }
    }
  }

  @Test
  void offsetsSurviveTheJsonRoundTrip() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    for (String line : new String(bytes(set.subList(0, 50)), UTF_8).split("\n")) {
      for (JsonNode message : mapper.readTree(line).get("messages")) {
        String content = message.get("content").asText();
        for (JsonNode span : message.get("spans")) {
          assertEquals(
              span.get("value").asText(),
              content.substring(span.get("start").asInt(), span.get("end").asInt()));
        }
      }
    }
  }

  private static boolean validSsn(String area, String group, String serial) {
    int a = Integer.parseInt(area);
    return a != 0 && a != 666 && a < 900 && !group.equals("00") && !serial.equals("0000");
  }

  private static void assertForm(EntityType type, String form, Predicate<String> test) {
    assertTrue(values(type).stream().anyMatch(test), type + " never planted " + form);
  }

  private static void assertContext(EntityType type, String form, String before, String after) {
    boolean found =
        messages().stream()
            .anyMatch(
                message ->
                    message.spans().stream()
                        .anyMatch(
                            span ->
                                span.type() == type
                                    && message
                                        .content()
                                        .startsWith(before, span.start() - before.length())
                                    && message.content().startsWith(after, span.end())));
    assertTrue(found, type + " never planted " + form);
  }

  private static List<EvalMessage> messages() {
    return set.stream().flatMap(conversation -> conversation.messages().stream()).toList();
  }

  private static List<String> values(EntityType type) {
    return messages().stream()
        .flatMap(message -> message.spans().stream())
        .filter(span -> span.type() == type)
        .map(GoldSpan::value)
        .toList();
  }

  private static List<String> negatives(NegativeKind kind) {
    return messages().stream()
        .flatMap(message -> message.negatives().stream())
        .filter(negative -> negative.kind() == kind)
        .map(NegativeSpan::value)
        .toList();
  }

  private static byte[] bytes(List<EvalConversation> conversations) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PiiEvalSetGenerator.write(conversations, out);
    return out.toByteArray();
  }
}
