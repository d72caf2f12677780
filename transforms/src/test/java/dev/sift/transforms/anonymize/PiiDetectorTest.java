package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.EntityType;
import dev.sift.schemas.spec.AnonymizeSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiDetectorTest {
  private static final PiiDetector DETECTOR = PiiDetector.of(AnonymizeSpec.standard());

  static Stream<Arguments> findings() {
    return Stream.of(
        found(
            "Write to Jane.Doe+work@mail.example.co.uk today",
            "Jane.Doe+work@mail.example.co.uk",
            EntityType.EMAIL),
        found("mailto:<SUPPORT.TEAM@ACME.IO>", "SUPPORT.TEAM@ACME.IO", EntityType.EMAIL),
        found("Call me at (415) 555-2671.", "(415) 555-2671", EntityType.PHONE),
        found("my number is +44 20 7946 0958", "+44 20 7946 0958", EntityType.PHONE),
        found("mobile 07700 900123 after six", "07700 900123", EntityType.PHONE),
        found("ring +49 30 901820 please", "+49 30 901820", EntityType.PHONE),
        found("tel 415.555.2671", "415.555.2671", EntityType.PHONE),
        found("call me on 07700900123 tonight", "07700900123", EntityType.PHONE),
        found("or 0049 30 901820 from abroad", "0049 30 901820", EntityType.PHONE),
        found("Rome office: 06 6988 3712", "06 6988 3712", EntityType.PHONE),
        found("card 4111 1111 1111 1111 expired", "4111 1111 1111 1111", EntityType.CREDIT_CARD),
        found("amex 3782-822463-10005 ok", "3782-822463-10005", EntityType.CREDIT_CARD),
        found(
            "IBAN GB82 WEST 1234 5698 7654 32 please",
            "GB82 WEST 1234 5698 7654 32",
            EntityType.IBAN),
        found("to DE89370400440532013000 now", "DE89370400440532013000", EntityType.IBAN),
        found("from 192.168.1.20 only", "192.168.1.20", EntityType.IP_ADDRESS),
        found(
            "v6 2001:db8:85a3::8a2e:370:7334 here",
            "2001:db8:85a3::8a2e:370:7334",
            EntityType.IP_ADDRESS),
        found("SSN 123-45-6789 on file", "123-45-6789", EntityType.US_SSN),
        found("my ssn is 123456789", "123456789", EntityType.US_SSN),
        found("key AKIAIOSFODNN7EXAMPLE leaked", "AKIAIOSFODNN7EXAMPLE", EntityType.SECRET),
        found(
            "use ghp_abcdefghijklmnopqrstuvwxyz0123456789 now",
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            EntityType.SECRET),
        found(
            "OPENAI_API_KEY=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t",
            "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t",
            EntityType.SECRET),
        found("password=Summ3r!2024x", "Summ3r!2024x", EntityType.SECRET),
        found(
            "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123_-xyz",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123_-xyz",
            EntityType.SECRET),
        found(
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----",
            EntityType.SECRET),
        found(
            "see https://bob:hunter22@example.com/x.",
            "https://bob:hunter22@example.com/x",
            EntityType.URL),
        found(
            "open https://api.example.com/v1?access_token=abc123def456",
            "https://api.example.com/v1?access_token=abc123def456",
            EntityType.URL),
        found(
            "pulls from mongodb+srv://admin:s3cretPw@cluster0.ab1cd.mongodb.net/prod?w=1 hourly",
            "mongodb+srv://admin:s3cretPw@cluster0.ab1cd.mongodb.net/prod?w=1",
            EntityType.URL),
        found(
            "cache redis://:K8y9sOTAXGO4dC@10.20.4.17:6379/0",
            "redis://:K8y9sOTAXGO4dC@10.20.4.17:6379/0",
            EntityType.URL),
        found("Hi, my name is Jane Doe and", "Jane Doe", EntityType.PERSON),
        found("my name is john smith and", "john smith", EntityType.PERSON),
        found("I'm Chidi from billing", "Chidi", EntityType.PERSON),
        found("Dear Mr. Okafor, thanks", "Okafor", EntityType.PERSON),
        found("Best regards,\nLena Fischer", "Lena Fischer", EntityType.PERSON),
        found(
            "Reset done. Kind regards,\nPriyanka Raghunathan",
            "Priyanka Raghunathan",
            EntityType.PERSON),
        found("I spoke with Carlos yesterday", "Carlos", EntityType.PERSON),
        // Unlisted names, found only through a cue of two or three words.
        found("Thank you Zorvath, that helps", "Zorvath", EntityType.PERSON),
        found("I talked to Quorin about it", "Quorin", EntityType.PERSON),
        found("Good afternoon Velmira!", "Velmira", EntityType.PERSON),
        found("Hi Ty, thanks for that.", "Ty", EntityType.PERSON),
        found("my co-worker Draxin agrees", "Draxin", EntityType.PERSON),
        found("Have a great day!\nHiroshi", "Hiroshi", EntityType.PERSON),
        found("Many thanks,\nThandiwe de Souza", "Thandiwe de Souza", EntityType.PERSON),
        found("my colleague Maria van der Berg", "Maria van der Berg", EntityType.PERSON),
        found("I've looped in Kenji from our finance team.", "Kenji", EntityType.PERSON),
        found("Can Agnieszka get admin access?", "Agnieszka", EntityType.PERSON),
        // Given names that are also towns, named as people are.
        found("I met Paris yesterday.", "Paris", EntityType.PERSON),
        found("Thanks Sydney, Australia loved your talk.", "Sydney", EntityType.PERSON),
        found("Thanks, Jan! The renewal is on 9 Jan 2024.", "Jan", EntityType.PERSON),
        found("Thanks for your patience today, Ilvaro.", "Ilvaro", EntityType.PERSON),
        found("Yselde from your billing team called me.", "Yselde", EntityType.PERSON),
        found("Please keep Tavrin posted on this.", "Tavrin", EntityType.PERSON),
        found("Could you give Orvel admin access?", "Orvel", EntityType.PERSON),
        found("Dear Mr. de Souza, your order", "de Souza", EntityType.PERSON),
        found("Our billing contact is Quenby Arlott.", "Quenby Arlott", EntityType.PERSON),
        found("hi, this is tavrin. My order is late", "tavrin", EntityType.PERSON),
        found("hello, my name is orvel quennick. I want", "orvel quennick", EntityType.PERSON),
        found("hi, this is mark speaking", "mark", EntityType.PERSON),
        found("My name's Tavrin.", "Tavrin", EntityType.PERSON),
        found("Hi, it's Quenby here, from accounts", "Quenby", EntityType.PERSON),
        found("Ask Miss Bates about it.", "Bates", EntityType.PERSON),
        found("Isla Fisher called about the order.", "Isla Fisher", EntityType.PERSON),
        found("Read Alice's Adventures in Wonderland.", "Alice", EntityType.PERSON),
        found("Albert Einstein's Theory of Relativity", "Albert Einstein", EntityType.PERSON),
        found("Authors:\n- Émile Zola", "Émile Zola", EntityType.PERSON),
        // Middle initials: the family name after them is the same name's.
        found("Please ask Maria J. Lopez to call me back.", "Maria J. Lopez", EntityType.PERSON),
        found("A Game of Thrones by George R.R. Martin", "George R.R. Martin", EntityType.PERSON),
        // Initials in front of a family name, after a cue or under a closing.
        found("Dr. A. Brown will see you.", "A. Brown", EntityType.PERSON),
        found("Thanks, J.R. Okafor", "J.R. Okafor", EntityType.PERSON),
        found("my name is J. Smith.", "J. Smith", EntityType.PERSON),
        found("Best regards,\nJ. Smith", "J. Smith", EntityType.PERSON),
        found(
            "Ship it to 221B Baker Street, London NW1 6XE.",
            "221B Baker Street, London NW1 6XE",
            EntityType.STREET_ADDRESS),
        found(
            "at Apt 4B, 350 Fifth Avenue, New York, NY 10118",
            "Apt 4B, 350 Fifth Avenue, New York, NY 10118",
            EntityType.STREET_ADDRESS),
        found(
            "au 12 rue de Rivoli, 75001 Paris",
            "12 rue de Rivoli, 75001 Paris",
            EntityType.STREET_ADDRESS),
        found("my date of birth is 14/03/1987.", "14/03/1987", EntityType.DATE_OF_BIRTH),
        found("DOB: 1990-07-21", "1990-07-21", EntityType.DATE_OF_BIRTH),
        found("I was born on March 3, 1985", "March 3, 1985", EntityType.DATE_OF_BIRTH));
  }

  @ParameterizedTest
  @MethodSource("findings")
  void findsEveryTypeInItsUsualForms(String text, String value, EntityType type) {
    List<Span> spans = DETECTOR.detect(text, List.of());

    assertEquals(1, spans.size(), () -> text + " -> " + spans);
    assertEquals(value, spans.get(0).in(text));
    assertEquals(type, spans.get(0).type());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Order ORD-2024-118734 shipped on 2024-03-14T10:22:05Z",
        "tracking 1Z999AA10123456784 and 9400 1000 0000 0000 0000 00",
        "total $1,249.99 or €89, version v2.14.3 and build 10.0.19045",
        "colour #FF5733, id 123e4567-e89b-12d3-a456-426614174000",
        "card 4111 1111 1111 1112 fails its check digit",
        "order 123456789 and invoice INV-000123",
        "Your case number is 496038122, reference 063536719",
        "We only support Chrome 121.0.6146.113 and iOS 17.2.1",
        "Will you check? May I ask? Hi there, thanks again.",
        "This is Support. Go to Settings > Billing, then Once done, Since then",
        "the meeting is on June 1 at 10:30",
        "commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
        "password is reset and the token expired",
        "You are the billing assistant for Quillstack, a project-management app",
        "Best regards,\nQuillstack Billing Team",
        "Have a great day!\nThe Support Team",
        "I've noted that on 9 Jan 2024; it renews on Jan 6 and again in June 2025.",
        "The sign-in attempt was logged at 06/Jan/2023:23:09:33 +0000",
        "Ask Gemini or Nike support about it.",
        "It is in stock at our Sydney warehouse, and the depot in Austin has two.",
        "Thanks for the update, Zendesk is down again.",
        "Please keep Support in the loop and give Finance team access.",
        "Thanks for reaching out. Invoices from before our billing team migration are archived.",
        "Thanks for waiting, Unfortunately, the card failed.",
        "That's VAT for France at 20%; compare France and Italy.",
        "This is ok. hi, this is urgent! my name is spelled wrong on it and I'm stuck.",
        "Which browser? It's Chrome. It is Google's app.",
        "Dear Client, Hello World! Customer Reviews: great. Customer Representative: Alright.",
        "a drink called Cappuccino, a country called Japan",
        "Flights from Los Angeles to San Francisco, St. Louis and Santa Monica.",
        "I studied at Stanford University and stayed at the Le Meridien Hotel.",
        "List 3 Irish cities, then make me an Irish coffee.",
        "We have Earl Grey, Assam and Ceylon. Beaches in Miami, Florida",
        "Eiffel Tower (Paris, France), then Madison, Wisconsin and the city of Houston's parks.",
        "It is located in the state of Victoria; Chad, Comoros and Jordan, Qatar signed.",
        "It's easy to miss. Since the charge was on 7 May, I've refunded it.",
        "though I wish it would pass\nSnowflakes twirling around",
        "Hae there, Ive been waiting an hour. Ty so much! Ima call back later. Ta, brilliant.",
        "Hi J. How are you? Plan B. Smith & Co agreed."
      })
  void leavesLookAlikesAlone(String text) {
    assertEquals(List.of(), DETECTOR.detect(text, List.of()));
  }

  @Test
  void declaredNamesAreFoundInAnyCase() {
    String text = "thanks maria, and Maria's order is here";

    List<Span> spans = DETECTOR.detect(text, List.of("Maria Lopez"));

    assertEquals(List.of("maria", "Maria"), spans.stream().map(span -> span.in(text)).toList());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "David Mazur and Orvel both need access.",
        "Orvel and David Mazur both need access.",
        "Ask Maria or Tavrin Quell.",
        "Maria & Orvel",
        "Maria and Isla both need access.",
        "cc: Maria Lopez, Orvel"
      })
  void namesJoinedToAFoundNameArePeopleToo(String text) {
    List<String> names =
        DETECTOR.detect(text, List.of()).stream()
            .filter(span -> span.type() == EntityType.PERSON)
            .map(span -> span.in(text))
            .sorted()
            .toList();

    assertEquals(2, names.size(), () -> text + " -> " + names);
  }

  @Test
  void eachNameOfAListKeepsItsFamilyName() {
    String text = "Anna, Maria, Sofia, Richard Nixon came.";

    List<Span> spans = DETECTOR.detect(text, List.of());

    assertEquals(
        List.of("Anna", "Maria", "Sofia", "Richard Nixon"),
        spans.stream().map(span -> span.in(text)).toList());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Thanks, John P. Sorry for the delay. | John P",
        "Ask Anna B. Tomorrow works for me. | Anna B",
        "Call Anna B. She knows the plan. | Anna B"
      })
  void aSentenceAfterAnInitialIsNoFamilyName(String text, String name) {
    List<Span> spans = DETECTOR.detect(text, List.of());

    assertEquals(List.of(name), spans.stream().map(span -> span.in(text)).toList());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mahershala Ali and Naomie Harris starred. | Mahershala Ali; Naomie Harris",
        "Hi Sarah, thanks. | Sarah",
        "Will Sarah come? | Sarah",
        "Yes John is here. | John"
      })
  void aWordBeforeANameIsItsGivenNameOnlyWhereItMayBeOne(String text, String names) {
    List<Span> spans = DETECTOR.detect(text, List.of());

    assertEquals(List.of(names.split("; ")), spans.stream().map(span -> span.in(text)).toList());
  }

  @Test
  void commasJoinNamesOnlyOnAListLine() {
    String text = "Ask Maria, Orvel Street is closed.";

    List<Span> spans = DETECTOR.detect(text, List.of());

    assertEquals(List.of("Maria"), spans.stream().map(span -> span.in(text)).toList());
  }

  @Test
  void aNameIntroducedInOneTurnIsFoundInTheOthers() {
    List<String> turns = List.of("Hello, I'm Chidi from the Lagos office.", "Chidi asked me too.");

    List<List<Span>> spans = DETECTOR.detectAll(turns, List.of());

    assertEquals("Chidi", spans.get(1).get(0).in(turns.get(1)));
  }

  @Test
  void aKnownNameInAPlaceNameIsThePlaces() {
    List<String> turns =
        List.of("hello, my name is diego tran.", "It is in stock at our San Diego warehouse.");

    List<List<Span>> spans = DETECTOR.detectAll(turns, List.of());

    assertEquals(
        List.of("diego tran"), spans.get(0).stream().map(s -> s.in(turns.get(0))).toList());
    assertEquals(List.of(), spans.get(1));
  }

  @Test
  void turnsTheRevealedNameChangesNothingInKeepTheirFindings() {
    List<String> turns =
        List.of(
            "Hello, I'm Chidi from the Lagos office.",
            "Call me on 020 7946 0958, Maria.",
            "Chidi asked me too.");

    List<List<Span>> spans = DETECTOR.detectAll(turns, List.of());

    assertEquals(DETECTOR.detect(turns.get(0), List.of()), spans.get(0));
    assertEquals(DETECTOR.detect(turns.get(1), List.of()), spans.get(1));
    assertEquals(List.of("Chidi"), spans.get(2).stream().map(s -> s.in(turns.get(2))).toList());
  }

  @Test
  void aLowerCaseNameAnotherTurnCapitalisesStaysFound() {
    // Sven is on the ambiguous list: known from the second turn, the lower-case sven of the
    // first is still found by its cue.
    List<String> turns = List.of("hi, this is sven. My order is late", "Thanks, Sven.");

    List<List<Span>> spans = DETECTOR.detectAll(turns, List.of());

    assertEquals(List.of("sven"), spans.get(0).stream().map(s -> s.in(turns.get(0))).toList());
  }

  @Test
  void aSecretInsideAUrlIsReportedOnceAsTheUrl() {
    String text = "https://x.example.com/hook?token=ghp_abcdefghijklmnopqrstuvwxyz0123456789";

    List<Span> spans = DETECTOR.detect(text, List.of());

    assertEquals(List.of(new Span(0, text.length(), EntityType.URL)), spans);
  }

  @Test
  void allowedValuesAreKept() {
    PiiDetector detector =
        PiiDetector.of(
            new AnonymizeSpec(null, null, null, null, List.of("support@acme.example.com")));

    assertEquals(List.of(), detector.detect("write to Support@acme.example.com", List.of()));
  }

  private static Arguments found(String text, String value, EntityType type) {
    return Arguments.of(text, value, type);
  }
}
