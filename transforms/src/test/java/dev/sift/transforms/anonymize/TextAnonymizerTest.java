package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.EntityType;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import dev.sift.schemas.spec.AnonymizeSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.junit.jupiter.api.Test;

class TextAnonymizerTest {
  private static final SourceRef SOURCE = SourceRef.create("logs/a.jsonl", 1, 1, "openai");

  @Test
  void placeholderNamesTheType() {
    Conversation anonymized =
        anonymize(spec("placeholder"), "Mail jane@corp.com or call (415) 555-2671.", "Done.");

    assertEquals("Mail [EMAIL] or call [PHONE].", text(anonymized, 0));
  }

  @Test
  void pseudonymsAreNumberedPerConversationAndFollowAPersonAcrossTurns() {
    Conversation anonymized =
        anonymize(
            spec("pseudonym"),
            "Hi, my name is Jane Doe. My colleague is Carlos.",
            "Thanks, Jane! I will ask Carlos.");

    assertEquals("Hi, my name is [PERSON_1]. My colleague is [PERSON_2].", text(anonymized, 0));
    assertEquals("Thanks, [PERSON_1]! I will ask [PERSON_2].", text(anonymized, 1));
  }

  @Test
  void surrogatesKeepTheShapeAndPassTheChecks() {
    Conversation anonymized =
        anonymize(
            AnonymizeSpec.standard(),
            "card 4111 1111 1111 1111, iban GB82 WEST 1234 5698 7654 32, mail jane@corp.com,"
                + " ip 10.1.2.3, ssn 123-45-6789",
            "ok");
    String text = text(anonymized, 0);

    String card = text.replaceAll(".*card ([0-9 ]{19}),.*", "$1");
    assertTrue(card.matches("\\d{4} \\d{4} \\d{4} \\d{4}"), card);
    assertNotEquals("4111 1111 1111 1111", card);
    assertTrue(new CreditCardValidator().isValid(card.replace(" ", "")), card);
    String iban = text.replaceAll(".*iban ([A-Z0-9 ]{27}),.*", "$1");
    assertTrue(iban.startsWith("GB"), iban);
    assertTrue(IBANValidator.getInstance().isValid(iban.replace(" ", "")), iban);
    assertTrue(text.matches(".*mail [a-z'-]+\\.[a-z'-]+@example\\.(com|org|net),.*"), text);
    assertTrue(text.matches(".*ip (192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d+,.*"), text);
    assertTrue(text.matches(".*ssn 9\\d\\d-\\d\\d-\\d{4}$"), text);
  }

  @Test
  void surrogatesAreConsistentInAConversationAndDeterministic() {
    String first = "I'm Priya, priya@corp.com.";
    String second = "Priya, we wrote to priya@corp.com.";

    Conversation once = anonymize(AnonymizeSpec.standard(), first, second);
    Conversation again = anonymize(AnonymizeSpec.standard(), first, second);

    assertEquals(once, again);
    String name = text(once, 0).replaceAll("I'm (\\p{L}+),.*", "$1");
    String email = text(once, 0).replaceAll(".*, (\\S+@\\S+)\\.$", "$1");
    assertEquals(name + ", we wrote to " + email + ".", text(once, 1));
    assertFalse(text(once, 1).contains("Priya"));
  }

  @Test
  void anotherSeedGivesOtherSurrogates() {
    String turn = "Hi, my name is Jane Doe, jane@corp.com";
    AnonymizeSpec seeded = new AnonymizeSpec(null, null, 42L, null, null);

    assertNotEquals(
        text(anonymize(AnonymizeSpec.standard(), turn, "ok"), 0),
        text(anonymize(seeded, turn, "ok"), 0));
  }

  @Test
  void exactDuplicatesWithOtherIdsStayExactDuplicates() {
    List<Message> turns =
        List.of(
            Message.of(Role.USER, "I'm Priya, call 415-555-2671"),
            Message.of(Role.ASSISTANT, "ok"));
    TextAnonymizer anonymizer = TextAnonymizer.of(AnonymizeSpec.standard());

    Conversation a =
        anonymizer.anonymize(Conversation.of("t", SOURCE, turns, Map.of())).conversation();
    Conversation b =
        anonymizer
            .anonymize(
                Conversation.of(
                    "t", SourceRef.create("logs/b.jsonl", 9, 9, "openai"), turns, Map.of()))
            .conversation();

    assertNotEquals(a.getId(), b.getId());
    assertEquals(a.getMessages(), b.getMessages());
  }

  @Test
  void speakerNamesAndMetadataAreReplacedAndCounted() {
    Conversation conversation =
        Conversation.of(
            "support",
            SOURCE,
            List.of(
                Message.create("user", "hello, it is maria again", "Maria Lopez"),
                Message.create("assistant", "Hi Maria, how can I help?", "Agent Tom")),
            Map.of("customer_email", "maria.lopez@corp.com", "customer_name", "Maria Lopez"));

    TextAnonymizer.Anonymized anonymized =
        TextAnonymizer.of(spec("placeholder")).anonymize(conversation);

    Conversation out = anonymized.conversation();
    assertEquals("hello, it is [PERSON] again", out.getMessages().get(0).getContent());
    assertEquals("[PERSON]", out.getMessages().get(0).getName());
    assertEquals("Hi [PERSON], how can I help?", out.getMessages().get(1).getContent());
    assertEquals(
        Map.of("customer_email", "[EMAIL]", "customer_name", "[PERSON]"), out.getMetadata());
    assertEquals(Map.of(EntityType.PERSON, 5, EntityType.EMAIL, 1), anonymized.counts());
  }

  @Test
  void scrubReplacesFindingsWithPlaceholders() {
    TextAnonymizer anonymizer = TextAnonymizer.of(AnonymizeSpec.standard());

    assertEquals(
        "{\"messages\":[{\"content\":\"mail [EMAIL]\"",
        anonymizer.scrub("{\"messages\":[{\"content\":\"mail jane@corp.com\""));
  }

  private static AnonymizeSpec spec(String operator) {
    return new AnonymizeSpec(operator, null, null, null, null);
  }

  private static Conversation anonymize(AnonymizeSpec spec, String user, String assistant) {
    Conversation conversation =
        Conversation.of(
            "support",
            SOURCE,
            List.of(Message.of(Role.USER, user), Message.of(Role.ASSISTANT, assistant)),
            Map.of());
    return TextAnonymizer.of(spec).anonymize(conversation).conversation();
  }

  private static String text(Conversation conversation, int turn) {
    return conversation.getMessages().get(turn).getContent();
  }

  @Test
  void nameKeysAndNameValuesAreReadAsTheirPatternsReadThem() {
    Pattern nameKey =
        Pattern.compile(
            "(?i).*name.*|speaker|agent|customer|author|user|assignee|owner|rep|representative"
                + "|sender|recipient|from|to|cc");
    for (String key :
        List.of(
            "agent",
            "Customer_Name",
            "FIRSTNAME",
            "to",
            "tos",
            "id",
            "task",
            "rep",
            "x\nname",
            "nämé",
            "Speaker",
            "")) {
      assertEquals(nameKey.matcher(key).matches(), TextAnonymizer.isNameKey(key), key);
    }
    Pattern looksLikeName = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’. -]*");
    for (String value :
        List.of(
            "Maria Lopez",
            "J. R. R. Tolkien",
            "O'Neil-Smith",
            "José",
            "Jose\u0301",
            "42",
            "",
            " Maria",
            "agent_7",
            "Zoë d’Arc",
            "\uD835\uDC00lpha",
            "Ann\n")) {
      assertEquals(
          looksLikeName.matcher(value).matches(), TextAnonymizer.looksLikeName(value), value);
    }
  }
}
