package dev.sift.bench.pii;

import static dev.sift.bench.pii.NegativeKind.CAPITALISED_WORD;
import static dev.sift.bench.pii.NegativeKind.CITY;
import static dev.sift.bench.pii.NegativeKind.COMMIT_HASH;
import static dev.sift.bench.pii.NegativeKind.COMPANY_NAME;
import static dev.sift.bench.pii.NegativeKind.HEX_COLOUR;
import static dev.sift.bench.pii.NegativeKind.INVOICE_NUMBER;
import static dev.sift.bench.pii.NegativeKind.NINE_DIGIT_NUMBER;
import static dev.sift.bench.pii.NegativeKind.NON_LUHN_NUMBER;
import static dev.sift.bench.pii.NegativeKind.ORDER_NUMBER;
import static dev.sift.bench.pii.NegativeKind.PLAIN_DATE;
import static dev.sift.bench.pii.NegativeKind.PLAIN_URL;
import static dev.sift.bench.pii.NegativeKind.PRICE;
import static dev.sift.bench.pii.NegativeKind.PRODUCT_CODE;
import static dev.sift.bench.pii.NegativeKind.PRODUCT_NAME;
import static dev.sift.bench.pii.NegativeKind.TIMESTAMP;
import static dev.sift.bench.pii.NegativeKind.TRACKING_CODE;
import static dev.sift.bench.pii.NegativeKind.UUID;
import static dev.sift.bench.pii.NegativeKind.VERSION;
import static dev.sift.schemas.EntityType.CREDIT_CARD;
import static dev.sift.schemas.EntityType.DATE_OF_BIRTH;
import static dev.sift.schemas.EntityType.EMAIL;
import static dev.sift.schemas.EntityType.IBAN;
import static dev.sift.schemas.EntityType.IP_ADDRESS;
import static dev.sift.schemas.EntityType.PERSON;
import static dev.sift.schemas.EntityType.PHONE;
import static dev.sift.schemas.EntityType.SECRET;
import static dev.sift.schemas.EntityType.STREET_ADDRESS;
import static dev.sift.schemas.EntityType.URL;
import static dev.sift.schemas.EntityType.US_SSN;

import dev.sift.schemas.EntityType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The four desks the evaluation set's conversations come from, and the turns they share. */
final class Topics {

  /** How a customer may introduce themselves in the first turn; none is also common. */
  static final List<String> INTRODUCTIONS =
      List.of(
          "Hi, my name is %{full}.",
          "hello, my name is %{full_lc}.",
          "Hi there, I'm %{first}.",
          "Hello, this is %{first} from %{customer_company}.",
          "Good morning! %{full} here.",
          "hi, this is %{first_lc}.",
          "Hello, I am %{full} and I have an account with you.");

  /** The agent's greeting once the customer's name is known. */
  static final List<String> GREETINGS_BY_NAME =
      List.of(
          "Hi %{first}, thanks for reaching out.",
          "Hello %{first},",
          "Dear %{title} %{last},",
          "Thanks for getting in touch, %{first}.",
          "Hi %{first}!");

  static final List<String> GREETINGS =
      List.of(
          "Hi there, thanks for reaching out.",
          "Hello, and thanks for contacting %{company} support.",
          "Thanks for getting in touch.");

  static final List<String> AGENT_INTRODUCTIONS =
      List.of(
          "My name is %{agent} and I'll be helping you today.",
          "This is %{agent} from the %{company} support team.",
          "I'm %{agent}, I'll look into this for you.");

  /** Other people named in the middle of a sentence, in lists and in possessives. */
  static final List<String> MENTIONS =
      List.of(
          "I spoke with %{colleague} yesterday and was told it would be fixed by now.",
          "%{colleague} from your team told me to write in.",
          "My colleague %{colleague_full} set up the account originally.",
          "Can you also give %{colleague} admin access?",
          "I've looped in %{colleague} from our finance team.",
          "It's %{colleague}'s laptop, not mine, if that matters.",
          "cc %{colleague} and %{colleague2}",
          "cc: %{colleague_full}, %{colleague2}",
          "%{colleague_full} and %{colleague2} both need access too.",
          "Please keep %{colleague} in the loop, they handle our renewals.");

  static final List<String> ACKNOWLEDGEMENTS =
      List.of(
          "Thanks, I've got that.",
          "Thank you for the details.",
          "Got it, thanks.",
          "Thanks for confirming.");

  static final List<String> THANKS =
      List.of(
          "That's great, thank you!",
          "Perfect, thanks for the quick help.",
          "Thank you, that solves it.",
          "ok thanks, that works for me");

  static final List<String> CUSTOMER_SIGN_OFFS =
      List.of(
          "Thanks,\n%{first}",
          "Best regards,\n%{full}",
          "Cheers, %{first}",
          "Thanks, %{first}",
          "Kind regards\n%{title} %{full}",
          "— %{first}",
          "Many thanks,\n%{full}");

  static final List<String> CLOSINGS =
      List.of(
          "Is there anything else I can help with?",
          "I've updated the account; you'll get a confirmation email shortly.",
          "That's all done on our side.",
          "You're welcome, glad we could sort it out.");

  static final List<String> AGENT_SIGN_OFFS =
      List.of(
          "Best,\n%{agent}\n%{company} Support",
          "Kind regards,\n%{agent_full}", "— %{agent}", "Have a great day!\n%{agent}");

  static final List<String> SYSTEM_PROMPTS =
      List.of(
          "You are a friendly support assistant for %{company}. Be concise and accurate.",
          "You are %{company}'s customer support agent. Never promise refunds you cannot issue.");

  /** Hard negatives every desk can use. */
  private static final Map<NegativeKind, List<String>> SHARED_NEGATIVES =
      Map.of(
          PRODUCT_NAME, List.of("You're on %{product}, which includes priority support."),
          COMPANY_NAME, List.of("Thanks for choosing %{company}."),
          CAPITALISED_WORD,
              List.of(
                  "%{cap:Will} you be able to try again in a few minutes?",
                  "%{cap:May} I ask which device you're using?", "%{cap:Hope} that helps!"),
          PLAIN_DATE, List.of("I've noted that on %{date}."));

  static final Topic BILLING =
      new Topic(
          "billing",
          "Quillstack",
          List.of("Quillstack Teams", "Quillstack Pro", "Quillstack Enterprise"),
          List.of(
              "I was charged %{price} twice this month for %{product} and we only have one"
                  + " workspace.",
              "My card was declined when %{product} tried to renew this morning.",
              "Could you send me a copy of invoice %{invoice}? Our accounts team can't find it.",
              "We'd like to move %{product} from monthly to annual billing.",
              "Our direct debit failed on %{date} and now the workspace says payment is overdue.",
              "%{cap:Bill} us annually from now on, please; monthly invoices are a pain."),
          List.of(
              "Could you confirm the email address on the account so I can pull it up?",
              "Which card or bank account would you like us to use going forward?",
              "To find the subscription, could you send the billing email and the invoice number?"),
          details(
              Map.of(
                  CREDIT_CARD,
                  List.of(
                      "The new card is %{card}, expiry 09/28.",
                      "Please charge %{card} instead of the old one.",
                      "I tried %{card} twice and it was declined both times.",
                      "card number: %{card}"),
                  IBAN,
                  List.of(
                      "Please take the direct debit from %{iban} from next month.",
                      "Our IBAN is %{iban}, account name %{customer_company}.", "IBAN: %{iban}"),
                  EMAIL,
                  List.of(
                      "The account is under %{email}.",
                      "Please also send receipts to %{email_new}.",
                      "Our finance contact is %{colleague_full} <%{email_colleague}>."),
                  PHONE,
                  List.of(
                      "If it's easier you can call me on %{phone}.",
                      "Our accounts payable line is %{phone}."),
                  US_SSN,
                  List.of(
                      "You asked for a W-9, so here's my SSN as a sole proprietor: %{ssn}.",
                      "Tax ID for the invoice (my SSN, I'm self-employed): %{ssn}"),
                  STREET_ADDRESS,
                  List.of(
                      "The billing address on the invoice should be %{address}.",
                      "Please update the invoice address to:\n%{address_lines}"))),
          List.of(CREDIT_CARD, IBAN, EMAIL, CREDIT_CARD, PHONE, US_SSN, STREET_ADDRESS, PERSON),
          negatives(
              Map.of(
                  INVOICE_NUMBER,
                  List.of("I've re-sent invoice %{invoice} to the billing email on file."),
                  PRICE,
                  List.of(
                      "The refund of %{price} should reach you within 5 to 10 business days.",
                      "From the next cycle you'll pay %{price} instead of %{price}."),
                  ORDER_NUMBER,
                  List.of("The duplicate charge is under order %{order}."),
                  NINE_DIGIT_NUMBER,
                  List.of("The payment reference on your bank statement will be %{order9}."),
                  NON_LUHN_NUMBER,
                  List.of(
                      "The gift card %{nonluhn} on the account has no balance left, I'm afraid."),
                  PLAIN_DATE,
                  List.of("Your plan renews on %{date}.", "The charge on %{date} was the renewal."),
                  CAPITALISED_WORD,
                  List.of(
                      "%{cap:Will} you need a VAT number on the invoice?",
                      "%{cap:Grant} your accountant the Billing role and they can download invoices"
                          + " themselves."),
                  PRODUCT_CODE,
                  List.of("The plan code on your account is %{sku}."))),
          List.of(
              INVOICE_NUMBER,
              PRICE,
              ORDER_NUMBER,
              NINE_DIGIT_NUMBER,
              NON_LUHN_NUMBER,
              PLAIN_DATE,
              CAPITALISED_WORD,
              PRODUCT_CODE,
              PRODUCT_NAME,
              COMPANY_NAME));

  static final Topic SHIPPING =
      new Topic(
          "shipping",
          "Parcelly",
          List.of(
              "Aero Kettle 2",
              "Nimbus Desk Lamp",
              "TrailRunner GTX",
              "Lumo Smart Bulb",
              "Orbit Mini Speaker"),
          List.of(
              "My order %{order} still hasn't arrived and the tracking (%{tracking}) hasn't moved"
                  + " since %{date}.",
              "I received the wrong size of the %{product} (%{sku}).",
              "Can I change the delivery address for order %{order}? It hasn't shipped yet.",
              "The parcel shows as delivered but nothing came.",
              "I'd like to return the %{product}, it stopped working after a week."),
          List.of(
              "Could you confirm the delivery address and a phone number the courier can use?",
              "Can you share the order number and the email you ordered with?"),
          details(
              Map.of(
                  STREET_ADDRESS,
                  List.of(
                      "Please send it to %{address} instead.",
                      "The delivery address is:\n%{address_lines}",
                      "I moved last month, my new address is %{address}."),
                  PHONE,
                  List.of(
                      "The courier can call me on %{phone} when they're outside.",
                      "my mobile is %{phone}", "Call me at %{phone} if there's a problem."),
                  EMAIL,
                  List.of("I ordered with %{email}.", "Send the return label to %{email}, please."),
                  CREDIT_CARD,
                  List.of("I paid with %{card}, can you refund it to the same card?"))),
          List.of(STREET_ADDRESS, PHONE, EMAIL, STREET_ADDRESS, CREDIT_CARD, PHONE, PERSON),
          negatives(
              Map.of(
                  TRACKING_CODE,
                  List.of(
                      "Your parcel's tracking number is %{tracking}.",
                      "The new shipment goes out with tracking %{tracking}."),
                  ORDER_NUMBER,
                  List.of("I've found order %{order}, placed on %{date}."),
                  NINE_DIGIT_NUMBER,
                  List.of("Your order number is %{order9}.", "The replacement is order %{order9}."),
                  PRICE,
                  List.of("I've refunded the %{price} shipping fee."),
                  PRODUCT_CODE,
                  List.of("The replacement is %{sku}, in stock at our %{city} warehouse."),
                  CITY,
                  List.of(
                      "It's been sitting at the depot in %{city} since %{date}.",
                      "Parcels from our %{city} hub take two extra days."),
                  NON_LUHN_NUMBER,
                  List.of(
                      "The gift card %{nonluhn} was declined at checkout, so the order was charged to your card."),
                  PLAIN_DATE,
                  List.of("It should arrive by %{date}."),
                  CAPITALISED_WORD,
                  List.of(
                      "%{cap:May} I ask whether anyone else at the address could have signed for it?",
                      "%{cap:Hope} that's all sorted now!"),
                  PLAIN_URL,
                  List.of("You can print the label from %{plain_url}."))),
          List.of(
              TRACKING_CODE,
              ORDER_NUMBER,
              NINE_DIGIT_NUMBER,
              PRICE,
              PRODUCT_CODE,
              CITY,
              NON_LUHN_NUMBER,
              PLAIN_DATE,
              CAPITALISED_WORD,
              PLAIN_URL,
              PRODUCT_NAME));

  static final Topic ACCOUNT =
      new Topic(
          "account",
          "Ledgerly",
          List.of("Ledgerly Plus", "Ledgerly Business", "the Ledgerly app"),
          List.of(
              "I'm locked out of my %{company} account after too many login attempts.",
              "I got an alert about a sign-in from %{ip} that wasn't me.",
              "I need to change the phone number on my account, I have a new one.",
              "I never received the verification code to reset my password.",
              "I want to close my account and download my statements first."),
          List.of(
              "For security, could you confirm your date of birth and the email on the account?",
              "Before I make any changes I need to verify you: what's your date of birth and the"
                  + " phone number on file?"),
          details(
              Map.of(
                  DATE_OF_BIRTH,
                  List.of(
                      "My date of birth is %{dob}.",
                      "DOB: %{dob}",
                      "I was born on %{dob}.",
                      "date of birth %{dob}, email %{email}",
                      "My DOB is %{dob} and the account email is %{email}."),
                  US_SSN,
                  List.of(
                      "The app asked for my SSN for the tax form, it's %{ssn}.",
                      "SSN %{ssn} if you need it for verification."),
                  IP_ADDRESS,
                  List.of(
                      "The sign-in came from %{ip}, I've never used that network.",
                      "My home IP is %{ipv4} if that helps.",
                      "The alert listed %{ipv6} as the address."),
                  EMAIL,
                  List.of(
                      "The account email is %{email}.", "Please change my email to %{email_new}."),
                  PHONE,
                  List.of(
                      "Please change the number from %{phone} to %{phone_new}.",
                      "The number on file should be %{phone}."))),
          List.of(DATE_OF_BIRTH, US_SSN, IP_ADDRESS, DATE_OF_BIRTH, EMAIL, PHONE, PERSON),
          negatives(
              Map.of(
                  UUID,
                  List.of("The reference on the alert is %{uuid}.", "Your request ID is %{uuid}."),
                  TIMESTAMP,
                  List.of("The sign-in attempt was logged at %{timestamp}."),
                  PLAIN_DATE,
                  List.of(
                      "I opened the account on %{date}.",
                      "Your statements back to %{date} are ready."),
                  CAPITALISED_WORD,
                  List.of("%{cap:Will} you be able to access the email on file?"),
                  NINE_DIGIT_NUMBER,
                  List.of("Your case number is %{order9}."))),
          List.of(
              UUID,
              TIMESTAMP,
              PLAIN_DATE,
              CAPITALISED_WORD,
              NINE_DIGIT_NUMBER,
              PRODUCT_NAME,
              COMPANY_NAME));

  static final Topic TECH_SUPPORT =
      new Topic(
          "tech_support",
          "Stackhouse",
          List.of("Stackhouse CLI", "Stackhouse Functions", "Stackhouse Edge"),
          List.of(
              "Deploys started failing after I upgraded the %{product} to %{version}.",
              "Our function has returned 403 for every request since %{timestamp}.",
              "The webhook signature check fails on every delivery.",
              "I accidentally committed a key in %{commit} and need to rotate it.",
              "The dashboard ignores our brand colour %{hex} in the embedded widget."),
          List.of(
              "Could you share the exact command and the config you're using?",
              "Can you paste the error and the request ID?"),
          details(
              Map.of(
                  SECRET,
                  List.of(
                      "Here's the config:\n%{assignment}\n%{assignment}",
                      "I'm calling the API with %{token}.",
                      "My ~/.aws/credentials file:\n[default]\n%{aws_keys}",
                      "Sorry, I pasted our deploy key by mistake:\n%{pem}",
                      "The header is `Authorization: Bearer %{jwt}`.",
                      "The token in the env is %{token} and it worked yesterday."),
                  URL,
                  List.of(
                      "The job pulls from %{cred_url} every hour.",
                      "Here's the export link that fails: %{cred_url}"),
                  IP_ADDRESS,
                  List.of(
                      "The server is at %{ipv4} and the load balancer at %{ipv6}.",
                      "Requests from %{ip} are the ones being blocked.",
                      "connection refused: %{ipv4}:8443"),
                  EMAIL,
                  List.of("Please add %{email} as a collaborator on the project."))),
          List.of(SECRET, URL, IP_ADDRESS, SECRET, EMAIL, SECRET, URL, PERSON),
          negatives(
              Map.of(
                  VERSION,
                  List.of(
                      "This was fixed in %{version}, could you upgrade?",
                      "We only support %{version} and later."),
                  COMMIT_HASH,
                  List.of("The fix is in commit %{commit}."),
                  UUID,
                  List.of("Request ID: %{uuid}"),
                  TIMESTAMP,
                  List.of("I see the failures starting at %{timestamp}."),
                  HEX_COLOUR,
                  List.of(
                      "Set the accent to %{hex} and the background to %{hex} in the theme file."),
                  PLAIN_URL,
                  List.of("The steps are at %{plain_url}."),
                  CAPITALISED_WORD,
                  List.of("%{cap:Mark} the old key as revoked in the dashboard before you deploy."),
                  CITY,
                  List.of("Your project runs in our %{city} region."))),
          List.of(
              VERSION,
              COMMIT_HASH,
              UUID,
              TIMESTAMP,
              HEX_COLOUR,
              PLAIN_URL,
              CAPITALISED_WORD,
              CITY,
              PRODUCT_NAME));

  static final List<Topic> ALL = List.of(BILLING, SHIPPING, ACCOUNT, TECH_SUPPORT);

  private Topics() {}

  private static Map<EntityType, List<String>> details(Map<EntityType, List<String>> details) {
    return Collections.unmodifiableMap(new EnumMap<>(details));
  }

  /** The desk's own hard negatives, after the shared ones of the same kind. */
  private static Map<NegativeKind, List<String>> negatives(Map<NegativeKind, List<String>> own) {
    Map<NegativeKind, List<String>> negatives = new EnumMap<>(SHARED_NEGATIVES);
    own.forEach(
        (kind, templates) ->
            negatives.merge(
                kind,
                templates,
                (shared, mine) -> Stream.concat(shared.stream(), mine.stream()).toList()));
    return Collections.unmodifiableMap(negatives);
  }
}
