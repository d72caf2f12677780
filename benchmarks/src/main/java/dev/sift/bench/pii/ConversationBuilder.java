package dev.sift.bench.pii;

import dev.sift.schemas.EntityType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Writes one conversation of a desk: a customer, an agent and colleagues with consistent names and
 * contact details, turns composed from the desk's templates, and the values the templates' slots
 * plant. The required entity type and hard negative always appear; more are drawn at random.
 *
 * <p>Slots: people ({@code first}, {@code last}, {@code full}, {@code full_lc}, {@code first_lc},
 * {@code title}, {@code agent}, {@code agent_full}, {@code colleague}, {@code colleague_full},
 * {@code colleague2}); personal values ({@code email}, {@code email_new}, {@code email_colleague},
 * {@code phone}, {@code phone_new}, {@code card}, {@code iban}, {@code ip}, {@code ipv4}, {@code
 * ipv6}, {@code ssn}, {@code token}, {@code jwt}, {@code pem}, {@code assignment}, {@code
 * aws_keys}, {@code cred_url}, {@code address}, {@code address_lines}, {@code dob}); hard negatives
 * ({@code order}, {@code order9}, {@code tracking}, {@code price}, {@code version}, {@code date},
 * {@code timestamp}, {@code sku}, {@code hex}, {@code uuid}, {@code commit}, {@code invoice},
 * {@code nonluhn}, {@code city}, {@code product}, {@code company}, {@code customer_company}, {@code
 * plain_url}, {@code cap:Word}).
 */
final class ConversationBuilder {
  private static final List<String> CUSTOMER_COMPANIES =
      List.of(
          "Northwind Traders",
          "Acme Logistics",
          "Kestrel Design",
          "Tidepool Analytics",
          "Brightlabs",
          "Harbourview Dental",
          "Lumen Health",
          "Oakridge Legal");

  private final Random rng;
  private final Topic topic;
  private final Person customer;
  private final Person agent;
  private final Person colleague;
  private final Person colleague2;
  private final String customerCompany;
  private final String email;
  private final String phone;
  private final LocalDate birthDay;
  private final Set<String> used = new HashSet<>();
  private boolean customerNamed;

  ConversationBuilder(Random rng, Topic topic) {
    this.rng = rng;
    this.topic = topic;
    List<Person> cast = distinctPeople(rng, 4);
    this.customer = cast.get(0);
    this.agent = cast.get(1);
    this.colleague = cast.get(2);
    this.colleague2 = cast.get(3);
    this.customerCompany = Pick.one(rng, CUSTOMER_COMPANIES);
    this.email = PiiValues.email(rng, customer);
    this.phone = PhoneNumbers.draw(rng);
    this.birthDay = Dates.birthDay(rng);
  }

  /** The conversation, carrying at least {@code required} and {@code requiredNegative}. */
  EvalConversation build(String id, EntityType required, NegativeKind requiredNegative) {
    List<EvalMessage> messages = new ArrayList<>();
    if (Pick.chance(rng, 30)) {
      messages.add(turn("system", Pick.one(rng, Topics.SYSTEM_PROMPTS)));
    }
    messages.add(opening());
    messages.add(reply());
    messages.add(details(required));
    messages.add(answer(requiredNegative));
    if (Pick.chance(rng, 50)) {
      Optional<String> more = anotherDetail();
      Optional<String> response = anotherNegative();
      if (more.isPresent() && response.isPresent()) {
        messages.add(turn("user", more.get()));
        messages.add(turn("assistant", response.get()));
      }
    }
    messages.add(thanks());
    messages.add(closing());
    Optional<String> agentName =
        Pick.chance(rng, 50) ? Optional.of(agent.full()) : Optional.empty();
    return new EvalConversation(id, topic.task(), agentName, messages);
  }

  /** The customer's first turn: maybe an introduction, the problem, maybe a detail. */
  private EvalMessage opening() {
    LabelledText text = new LabelledText();
    if (Pick.chance(rng, 65)) {
      fill(text, Pick.one(rng, Topics.INTRODUCTIONS));
      customerNamed = true;
    }
    fill(text.next(), Pick.one(rng, topic.openers()));
    if (Pick.chance(rng, 25)) {
      anotherDetail().ifPresent(template -> append(text, template));
    }
    return text.toMessage("user");
  }

  /** The agent's greeting, maybe an introduction, and what the agent needs to know. */
  private EvalMessage reply() {
    LabelledText text = new LabelledText();
    String greeting = Pick.one(rng, customerNamed ? Topics.GREETINGS_BY_NAME : Topics.GREETINGS);
    fill(text, greeting);
    List<String> sentences = new ArrayList<>();
    if (Pick.chance(rng, 50)) {
      sentences.add(Pick.one(rng, Topics.AGENT_INTRODUCTIONS));
    }
    sentences.add(Pick.one(rng, topic.asks()));
    // "Dear Ms. Okafor," opens a letter: its body starts in a paragraph below.
    boolean letter = greeting.endsWith(",");
    for (String sentence : sentences) {
      fill(letter ? text.paragraph() : text.next(), sentence);
      letter = false;
    }
    return text.toMessage("assistant");
  }

  /** The customer's details: the required type, and up to two more. */
  private EvalMessage details(EntityType required) {
    LabelledText text = new LabelledText();
    fill(text, detail(required));
    for (int i = Pick.between(rng, 0, 2); i > 0; i--) {
      boolean paragraph = Pick.chance(rng, 30);
      anotherDetail()
          .ifPresent(
              template -> {
                if (paragraph) {
                  fill(text.paragraph(), template);
                } else {
                  append(text, template);
                }
              });
    }
    return text.toMessage("user");
  }

  /** The agent's answer: the required hard negative, and up to two more. */
  private EvalMessage answer(NegativeKind required) {
    LabelledText text = new LabelledText();
    fill(text, Pick.one(rng, Topics.ACKNOWLEDGEMENTS));
    append(text, negative(required));
    for (int i = Pick.between(rng, 0, 2); i > 0; i--) {
      anotherNegative().ifPresent(template -> append(text, template));
    }
    return text.toMessage("assistant");
  }

  private EvalMessage thanks() {
    LabelledText text = new LabelledText();
    fill(text, Pick.one(rng, Topics.THANKS));
    if (Pick.chance(rng, 70)) {
      fill(text.paragraph(), Pick.one(rng, Topics.CUSTOMER_SIGN_OFFS));
      customerNamed = true;
    }
    return text.toMessage("user");
  }

  private EvalMessage closing() {
    LabelledText text = new LabelledText();
    fill(text, Pick.one(rng, Topics.CLOSINGS));
    if (customerNamed && Pick.chance(rng, 40)) {
      fill(text.next(), "Thanks again, %{first}!");
    }
    if (Pick.chance(rng, 60)) {
      fill(text.paragraph(), Pick.one(rng, Topics.AGENT_SIGN_OFFS));
    }
    return text.toMessage("assistant");
  }

  private String detail(EntityType type) {
    return unused(templatesOf(type)).orElseGet(() -> Pick.one(rng, templatesOf(type)));
  }

  private String negative(NegativeKind kind) {
    List<String> templates = topic.negatives().get(kind);
    return unused(templates).orElseGet(() -> Pick.one(rng, templates));
  }

  /** A template of a random type of the desk that this conversation has not used yet, if any. */
  private Optional<String> anotherDetail() {
    for (int attempt = 0; attempt < 8; attempt++) {
      Optional<String> template = unused(templatesOf(Pick.one(rng, topic.detailRotation())));
      if (template.isPresent()) {
        return template;
      }
    }
    return Optional.empty();
  }

  /** Another hard negative of the desk that this conversation has not used yet, if any. */
  private Optional<String> anotherNegative() {
    for (int attempt = 0; attempt < 8; attempt++) {
      Optional<String> template =
          unused(topic.negatives().get(Pick.one(rng, topic.negativeRotation())));
      if (template.isPresent()) {
        return template;
      }
    }
    return Optional.empty();
  }

  private List<String> templatesOf(EntityType type) {
    return type == EntityType.PERSON ? Topics.MENTIONS : topic.details().get(type);
  }

  /** A random template of {@code templates} not used yet in this conversation, now marked used. */
  private Optional<String> unused(List<String> templates) {
    List<String> left = templates.stream().filter(template -> !used.contains(template)).toList();
    if (left.isEmpty()) {
      return Optional.empty();
    }
    String template = Pick.one(rng, left);
    used.add(template);
    return Optional.of(template);
  }

  /**
   * Appends {@code template} as the next sentence; one that starts in lower case ("cc ...", "my
   * mobile is ...") is a fragment and gets a paragraph of its own.
   */
  private void append(LabelledText text, String template) {
    fill(Character.isLowerCase(template.charAt(0)) ? text.paragraph() : text.next(), template);
  }

  private EvalMessage turn(String role, String template) {
    LabelledText text = new LabelledText();
    fill(text, template);
    return text.toMessage(role);
  }

  /** Appends {@code template} to {@code text}, planting a value for each {@code %{slot}}. */
  private void fill(LabelledText text, String template) {
    int at = 0;
    while (true) {
      int open = template.indexOf("%{", at);
      if (open < 0) {
        text.say(template.substring(at));
        return;
      }
      int close = template.indexOf('}', open);
      text.say(template.substring(at, open));
      slot(text, template.substring(open + 2, close));
      at = close + 1;
    }
  }

  private void slot(LabelledText text, String name) {
    if (name.startsWith("cap:")) {
      text.negative(NegativeKind.CAPITALISED_WORD, name.substring(4));
      return;
    }
    switch (name) {
      case "first" -> text.pii(EntityType.PERSON, customer.first());
      case "last" -> text.pii(EntityType.PERSON, customer.last());
      case "full" -> text.pii(EntityType.PERSON, customer.full());
      case "full_lc" -> text.pii(EntityType.PERSON, customer.full().toLowerCase(Locale.ROOT));
      case "first_lc" -> text.pii(EntityType.PERSON, customer.first().toLowerCase(Locale.ROOT));
      case "title" -> text.say(customer.title());
      case "agent" -> text.pii(EntityType.PERSON, agent.first());
      case "agent_full" -> text.pii(EntityType.PERSON, agent.full());
      case "colleague" -> text.pii(EntityType.PERSON, colleague.first());
      case "colleague_full" -> text.pii(EntityType.PERSON, colleague.full());
      case "colleague2" -> text.pii(EntityType.PERSON, colleague2.first());
      case "email" -> text.pii(EntityType.EMAIL, email);
      case "email_new" -> text.pii(EntityType.EMAIL, PiiValues.email(rng, customer));
      case "email_colleague" -> text.pii(EntityType.EMAIL, PiiValues.email(rng, colleague));
      case "phone" -> text.pii(EntityType.PHONE, phone);
      case "phone_new" -> text.pii(EntityType.PHONE, PhoneNumbers.draw(rng));
      case "card" -> text.pii(EntityType.CREDIT_CARD, PiiValues.card(rng));
      case "iban" -> text.pii(EntityType.IBAN, PiiValues.iban(rng));
      case "ip" ->
          text.pii(
              EntityType.IP_ADDRESS,
              Pick.chance(rng, 70) ? PiiValues.ipv4(rng) : PiiValues.ipv6(rng));
      case "ipv4" -> text.pii(EntityType.IP_ADDRESS, PiiValues.ipv4(rng));
      case "ipv6" -> text.pii(EntityType.IP_ADDRESS, PiiValues.ipv6(rng));
      case "ssn" -> text.pii(EntityType.US_SSN, PiiValues.ssn(rng));
      case "token" -> text.pii(EntityType.SECRET, Secrets.token(rng));
      case "jwt" -> text.pii(EntityType.SECRET, Secrets.jwt(rng));
      case "pem" -> text.pii(EntityType.SECRET, Secrets.privateKey(rng));
      case "assignment" -> Secrets.assignment(rng, text);
      case "aws_keys" -> Secrets.awsCredentials(rng, text);
      case "cred_url" -> text.pii(EntityType.URL, Secrets.credentialUrl(rng));
      case "address" -> text.pii(EntityType.STREET_ADDRESS, Addresses.draw(rng, false));
      case "address_lines" -> text.pii(EntityType.STREET_ADDRESS, Addresses.draw(rng, true));
      case "dob" -> text.pii(EntityType.DATE_OF_BIRTH, Dates.fullDate(rng, birthDay));
      case "order" -> text.negative(NegativeKind.ORDER_NUMBER, HardNegatives.orderNumber(rng));
      case "order9" -> text.negative(NegativeKind.NINE_DIGIT_NUMBER, HardNegatives.nineDigits(rng));
      case "tracking" -> text.negative(NegativeKind.TRACKING_CODE, HardNegatives.trackingCode(rng));
      case "price" -> text.negative(NegativeKind.PRICE, HardNegatives.price(rng));
      case "version" -> text.negative(NegativeKind.VERSION, HardNegatives.version(rng));
      case "date" -> text.negative(NegativeKind.PLAIN_DATE, Dates.recentDate(rng));
      case "timestamp" -> text.negative(NegativeKind.TIMESTAMP, Dates.timestamp(rng));
      case "sku" -> text.negative(NegativeKind.PRODUCT_CODE, HardNegatives.productCode(rng));
      case "hex" -> text.negative(NegativeKind.HEX_COLOUR, HardNegatives.hexColour(rng));
      case "uuid" -> text.negative(NegativeKind.UUID, HardNegatives.uuid(rng));
      case "commit" -> text.negative(NegativeKind.COMMIT_HASH, HardNegatives.commitHash(rng));
      case "invoice" ->
          text.negative(NegativeKind.INVOICE_NUMBER, HardNegatives.invoiceNumber(rng));
      case "nonluhn" ->
          text.negative(NegativeKind.NON_LUHN_NUMBER, HardNegatives.nonLuhnNumber(rng));
      case "city" -> text.negative(NegativeKind.CITY, Pick.one(rng, HardNegatives.CITIES));
      case "product" -> text.negative(NegativeKind.PRODUCT_NAME, Pick.one(rng, topic.products()));
      case "company" -> text.negative(NegativeKind.COMPANY_NAME, topic.company());
      case "customer_company" -> text.negative(NegativeKind.COMPANY_NAME, customerCompany);
      case "plain_url" -> text.negative(NegativeKind.PLAIN_URL, HardNegatives.plainUrl(rng));
      default -> throw new IllegalArgumentException("Unknown template slot %{" + name + "}");
    }
  }

  /** People whose first and family names are all different, so no name stands for two people. */
  private static List<Person> distinctPeople(Random rng, int count) {
    List<Person> people = new ArrayList<>();
    Set<String> names = new HashSet<>();
    while (people.size() < count) {
      Person person = Person.draw(rng);
      if (!names.contains(person.first()) && !names.contains(person.last())) {
        names.add(person.first());
        names.add(person.last());
        people.add(person);
      }
    }
    return people;
  }
}
