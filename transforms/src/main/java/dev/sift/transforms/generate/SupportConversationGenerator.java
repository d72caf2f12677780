package dev.sift.transforms.generate;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates invented customer-support conversations from the billing desk of "Quillstack", an
 * imaginary project-management SaaS, as OpenAI chat JSONL: the large sample task of the project.
 *
 * <p>Each line is one conversation, keys in this order:
 *
 * <pre>{@code
 * {"messages":[{"role":"system","content":"..."},{"role":"user","content":"..."},
 *   {"role":"assistant","content":"..."},...],
 *  "task":"billing","intent":"refund_request","outcome":"resolved","language":"en","channel":"chat"}
 * }</pre>
 *
 * <p>Most conversations open with one of three system prompts, followed by 2, 4 or 6 user and
 * assistant messages that end with the assistant. They are composed from per-intent scenarios (15
 * intents) whose templates are filled with coherent slots: plan prices times seats, prorated
 * amounts, invoice numbers, dates.
 *
 * <p>10% of the conversations (rounded) carry invented personal data for the anonymisation stage:
 * first names from a small list, e-mail addresses at example.com/.org/.net only, phone numbers in
 * the fictional 555-01xx range, and twice the Stripe test card number 4242 4242 4242 4242.
 *
 * <p>{@value #EXACT_DUPLICATES} conversations are written twice verbatim, as templated bot flows
 * are in real logs, so exact deduplication has work; all other lines are distinct.
 *
 * <p>Output depends only on the seed and count: one {@link Random} (whose algorithm the JDK
 * specifies), no hash iteration order in the output, no clock and no default locale.
 */
public final class SupportConversationGenerator {

  public static final long DEFAULT_SEED = 20261122L;
  public static final int DEFAULT_COUNT = 260;

  /** Conversations emitted twice verbatim; fewer only when count is below twice this number. */
  public static final int EXACT_DUPLICATES = 8;

  static final String TASK = "billing";
  static final String PRODUCT = "Quillstack";

  private static final int PERSONAL_DATA_PERCENT = 10;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SupportConversationGenerator() {}

  /** Writes {@code count} JSON lines (duplicates included), UTF-8, each ending in {@code \n}. */
  public static void write(OutputStream out, long seed, int count) throws IOException {
    for (String line : lines(seed, count)) {
      out.write(line.getBytes(UTF_8));
      out.write('\n');
    }
    out.flush();
  }

  /** How many of {@code count} lines repeat an earlier one: {@link #EXACT_DUPLICATES} or fewer. */
  public static int duplicates(int count) {
    return Math.min(EXACT_DUPLICATES, count / 2);
  }

  /** The lines {@link #write} writes, without line ends. */
  static List<String> lines(long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    Random rng = new Random(seed);
    Plan plan = Plan.draw(rng, count - duplicates(count));
    List<String> unique = uniqueConversations(rng, plan);
    return withDuplicates(rng, unique, plan, duplicates(count));
  }

  /**
   * Which unique conversations carry personal data (exactly {@value #PERSONAL_DATA_PERCENT}%,
   * rounded) and at which two positions a customer pastes the test card, whatever the seed.
   */
  private record Plan(int size, Set<Integer> personal, int updateCardLeak, int failedPaymentLeak) {

    static Plan draw(Random rng, int size) {
      int updateCardLeak = size >= 10 ? size / 5 : -1;
      int failedPaymentLeak = size >= 10 ? 3 * size / 5 : -1;
      Set<Integer> personal = new HashSet<>();
      if (updateCardLeak >= 0) {
        personal.add(updateCardLeak);
        personal.add(failedPaymentLeak);
      }
      int wanted = (size * PERSONAL_DATA_PERCENT + 50) / 100;
      for (int position : shuffledPositions(rng, size)) {
        if (personal.size() >= wanted) {
          break;
        }
        personal.add(position);
      }
      return new Plan(size, personal, updateCardLeak, failedPaymentLeak);
    }

    boolean leaksCard(int position) {
      return position == updateCardLeak || position == failedPaymentLeak;
    }
  }

  private static List<String> uniqueConversations(Random rng, Plan plan) {
    Composer composer = new Composer(rng);
    Set<String> seen = new HashSet<>();
    List<String> lines = new ArrayList<>(plan.size());
    while (lines.size() < plan.size()) {
      int position = lines.size();
      ObjectNode conversation;
      if (position == plan.updateCardLeak()) {
        conversation = composer.cardLeak(Playbooks.UPDATE_CARD);
      } else if (position == plan.failedPaymentLeak()) {
        conversation = composer.cardLeak(Playbooks.FAILED_PAYMENT);
      } else {
        conversation = composer.compose(Playbooks.draw(rng), plan.personal().contains(position));
      }
      String line = toJson(conversation);
      if (seen.add(line)) {
        lines.add(line);
      }
    }
    return lines;
  }

  /**
   * Repeats {@code duplicates} distinct lines, each somewhere after its first occurrence. Card
   * leaks are never repeated, so the test card number occurs exactly twice.
   */
  private static List<String> withDuplicates(
      Random rng, List<String> unique, Plan plan, int duplicates) {
    List<String> lines = new ArrayList<>(unique);
    int repeated = 0;
    for (int source : shuffledPositions(rng, unique.size())) {
      if (repeated == duplicates) {
        break;
      }
      if (plan.leaksCard(source)) {
        continue;
      }
      String line = unique.get(source);
      int first = lines.indexOf(line);
      lines.add(first + 1 + rng.nextInt(lines.size() - first), line);
      repeated++;
    }
    return lines;
  }

  /** 0 to size - 1 in random order; Fisher-Yates, as {@code Collections.shuffle} is unspecified. */
  private static List<Integer> shuffledPositions(Random rng, int size) {
    List<Integer> positions = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      positions.add(i);
    }
    for (int i = size - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      positions.set(i, positions.set(j, positions.get(i)));
    }
    return positions;
  }

  private static String toJson(ObjectNode conversation) {
    try {
      return MAPPER.writeValueAsString(conversation);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T pick(Random rng, List<T> options) {
    return options.get(rng.nextInt(options.size()));
  }

  private static boolean chance(Random rng, int percent) {
    return rng.nextInt(100) < percent;
  }

  enum Outcome {
    RESOLVED,
    ESCALATED,
    PENDING;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  enum Channel {
    CHAT,
    EMAIL;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Two consecutive messages; which side says which depends on where it is used. */
  record Exchange(String first, String second) {}

  /** One situation within an intent: how customers open it and how the agent resolves it. */
  static final class Scenario {
    final boolean problem;
    final List<String> openings = new ArrayList<>();
    final List<Exchange> clarifications = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    final List<Exchange> followUps = new ArrayList<>();
    boolean escalates = true;
    boolean pends = true;

    private Scenario(boolean problem) {
      this.problem = problem;
    }

    /** Something went wrong for the customer: the agent opens with an apology. */
    static Scenario problem() {
      return new Scenario(true);
    }

    /** A plain question or request: the agent opens neutrally. */
    static Scenario request() {
      return new Scenario(false);
    }

    Scenario openings(String... texts) {
      openings.addAll(List.of(texts));
      return this;
    }

    /** The agent asks {@code question} first and the customer answers {@code reply}. */
    Scenario clarify(String question, String reply) {
      clarifications.add(new Exchange(question, reply));
      return this;
    }

    Scenario answers(String... texts) {
      answers.addAll(List.of(texts));
      return this;
    }

    Scenario followUp(String question, String answer) {
      followUps.add(new Exchange(question, answer));
      return this;
    }

    /** The intent's escalation replies don't fit this scenario: it is never escalated. */
    Scenario withoutEscalation() {
      escalates = false;
      return this;
    }

    /** The intent's pending replies don't fit this scenario: it is never left pending. */
    Scenario withoutPending() {
      pends = false;
      return this;
    }
  }

  /** Everything the generator knows about one intent. */
  static final class Playbook {
    final String intent;
    final int weight;
    final List<Scenario> scenarios = new ArrayList<>();
    final List<String> escalations = new ArrayList<>();
    final List<String> pendings = new ArrayList<>();
    Scenario cardLeak;
    boolean billedInUsd;

    Playbook(String intent, int weight) {
      this.intent = intent;
      this.weight = weight;
    }

    Playbook scenario(Scenario scenario) {
      scenarios.add(scenario);
      return this;
    }

    Playbook escalations(String... texts) {
      escalations.addAll(List.of(texts));
      return this;
    }

    Playbook pendings(String... texts) {
      pendings.addAll(List.of(texts));
      return this;
    }

    /** The scenario in which the customer pastes a full card number. */
    Playbook withCardLeak(Scenario scenario) {
      cardLeak = scenario;
      return this;
    }

    /** The customer is billed in US dollars (the currency-change intent is about leaving them). */
    Playbook billedInUsd() {
      billedInUsd = true;
      return this;
    }
  }

  /** Composes one conversation: shape, outcome, slots and the voices of customer and agent. */
  static final class Composer {
    private static final List<String> SYSTEM_PROMPTS =
        List.of(
            "You are the billing assistant for Quillstack, a project-management app for teams. Be"
                + " friendly and concise. You can look up invoices and payments, issue refunds"
                + " within policy and change plans. Never ask for or repeat full card numbers;"
                + " escalate disputes, chargebacks and refunds outside policy to the billing team.",
            "You are a Quillstack support agent on the billing desk. Policy: full refunds within"
                + " 14 days of a charge, prorated refunds after that on annual plans only; plan"
                + " changes take effect immediately and are prorated; invoices live under"
                + " Settings > Billing > Invoices. Give exact steps and timelines.",
            "You answer billing e-mails for Quillstack. Write complete, polite replies with a"
                + " greeting and a sign-off from the Quillstack Billing Team. Verify the workspace"
                + " before changing anything.");

    private final Random rng;

    Composer(Random rng) {
      this.rng = rng;
    }

    ObjectNode compose(Playbook playbook, boolean personal) {
      return compose(playbook, pick(rng, playbook.scenarios), personal, false);
    }

    /** A conversation in which the customer pastes the Stripe test card; never clarified. */
    ObjectNode cardLeak(Playbook playbook) {
      return compose(playbook, playbook.cardLeak, true, true);
    }

    private ObjectNode compose(
        Playbook playbook, Scenario scenario, boolean personal, boolean leak) {
      Channel channel = chance(rng, 25) ? Channel.EMAIL : Channel.CHAT;
      Outcome outcome = leak ? Outcome.RESOLVED : drawOutcome(scenario);
      Slots slots = Slots.draw(rng, personal, playbook.billedInUsd);
      Dialogue dialogue = new Dialogue(rng, channel, slots);
      systemPrompt(channel).ifPresent(dialogue::system);

      String resolution = slots.fill(resolution(playbook, scenario, outcome));
      int exchanges = 1;
      dialogue.customer(slots.fill(pick(rng, scenario.openings)));
      if (!leak && !scenario.clarifications.isEmpty() && chance(rng, 45)) {
        Exchange clarification = pick(rng, scenario.clarifications);
        String apology = scenario.problem ? pick(rng, Voice.APOLOGIES) : "";
        dialogue.agent(apology + slots.fill(clarification.first()));
        dialogue.customer(slots.fill(clarification.second()));
        dialogue.agent(pick(rng, Voice.THANKS_FOR_DETAILS) + resolution);
        exchanges++;
      } else {
        dialogue.agent(opener(scenario, resolution) + resolution);
      }
      if (exchanges < 3
          && outcome == Outcome.RESOLVED
          && !scenario.followUps.isEmpty()
          && chance(rng, 35)) {
        Exchange followUp = pick(rng, scenario.followUps);
        dialogue.customer(slots.fill(followUp.first()));
        dialogue.agent(slots.fill(followUp.second()));
        exchanges++;
      }
      if (exchanges < 3 && chance(rng, 55)) {
        Exchange closing = pick(rng, Voice.closings(outcome));
        dialogue.customer(slots.fill(closing.first()));
        dialogue.agent(slots.fill(closing.second()));
      }
      return dialogue.toJson(playbook.intent, outcome);
    }

    /** An apology for problems; for requests a friendly word, unless the answer starts "Yes". */
    private String opener(Scenario scenario, String resolution) {
      if (scenario.problem) {
        return pick(rng, Voice.APOLOGIES);
      }
      return resolution.startsWith("Yes") ? "" : pick(rng, Voice.OPENERS);
    }

    private String resolution(Playbook playbook, Scenario scenario, Outcome outcome) {
      return switch (outcome) {
        case RESOLVED -> pick(rng, scenario.answers);
        case ESCALATED -> pick(rng, playbook.escalations);
        case PENDING -> pick(rng, playbook.pendings);
      };
    }

    private Outcome drawOutcome(Scenario scenario) {
      int roll = rng.nextInt(100);
      if (roll < 12 && scenario.escalates) {
        return Outcome.ESCALATED;
      }
      if (roll >= 85 && scenario.pends) {
        return Outcome.PENDING;
      }
      return Outcome.RESOLVED;
    }

    /** Most conversations carry a prompt; e-mail ones mostly the e-mail desk's. */
    private Optional<String> systemPrompt(Channel channel) {
      if (chance(rng, 12)) {
        return Optional.empty();
      }
      if (channel == Channel.EMAIL && chance(rng, 80)) {
        return Optional.of(SYSTEM_PROMPTS.get(2));
      }
      return Optional.of(SYSTEM_PROMPTS.get(chance(rng, 55) ? 0 : 1));
    }
  }

  /** The messages of one conversation, styled by channel as they are added. */
  static final class Dialogue {
    private final Random rng;
    private final Channel channel;
    private final Slots slots;
    private final List<String[]> messages = new ArrayList<>();
    private boolean customerSpoke;
    private boolean agentSpoke;
    private boolean customerGaveEmail;
    private String emailSignOff;

    Dialogue(Random rng, Channel channel, Slots slots) {
      this.rng = rng;
      this.channel = channel;
      this.slots = slots;
    }

    void system(String prompt) {
      messages.add(new String[] {"system", prompt});
    }

    void customer(String text) {
      String body = chance(rng, 12) ? Voice.typo(text, rng) : text;
      boolean first = !customerSpoke;
      customerSpoke = true;
      String content =
          channel == Channel.EMAIL ? customerEmail(body, first) : customerChat(body, first);
      messages.add(new String[] {"user", content});
    }

    void agent(String text) {
      String body = text;
      if (!agentSpoke && customerGaveEmail && chance(rng, 40)) {
        body = slots.fill("I found your workspace under {email}. ") + body;
      }
      if (!agentSpoke && slots.personal() && channel == Channel.CHAT && chance(rng, 70)) {
        body = slots.fill(pick(rng, Voice.AGENT_NAME_GREETINGS)) + body;
      }
      boolean first = !agentSpoke;
      agentSpoke = true;
      String content = channel == Channel.EMAIL ? agentEmail(body, first) : body;
      messages.add(new String[] {"assistant", content});
    }

    private String customerChat(String body, boolean first) {
      if (!first) {
        return body;
      }
      String greeting =
          slots.personal()
              ? slots.fill(pick(rng, Voice.NAME_INTRODUCTIONS))
              : pick(rng, Voice.CHAT_GREETINGS);
      String tail = contactDetails() + pick(rng, Voice.CHAT_SIGN_OFFS);
      return greeting + (tail.isEmpty() ? body : endSentence(body) + tail);
    }

    private String customerEmail(String body, boolean first) {
      if (first) {
        emailSignOff =
            slots.personal()
                ? slots.fill(chance(rng, 50) ? "Thanks,\n{name}\n{phone}" : "Thanks,\n{name}")
                : pick(rng, Voice.EMAIL_SIGN_OFFS);
      }
      if (!first) {
        return body + "\n\n" + emailSignOff;
      }
      String details = contactDetails();
      String text = details.isEmpty() ? body : endSentence(body) + details;
      return pick(rng, Voice.EMAIL_GREETINGS) + text + "\n\n" + emailSignOff;
    }

    /** Casual openings may lack a full stop; one is needed before more text follows. */
    private static String endSentence(String text) {
      return Character.isLetterOrDigit(text.charAt(text.length() - 1)) ? text + "." : text;
    }

    private String agentEmail(String body, boolean first) {
      String greeting =
          slots.personal()
              ? slots.fill("Hello {name},\n\n")
              : first ? "Hello,\n\n" : "Hi again,\n\n";
      return greeting + body + "\n\nBest regards,\nQuillstack Billing Team";
    }

    /** How customers with personal data mention their login or phone in the first message. */
    private String contactDetails() {
      if (!slots.personal()) {
        return "";
      }
      StringBuilder details = new StringBuilder();
      if (chance(rng, 70)) {
        customerGaveEmail = true;
        details.append(slots.fill(pick(rng, Voice.EMAIL_MENTIONS)));
      }
      if (channel == Channel.CHAT && chance(rng, 35)) {
        details.append(slots.fill(pick(rng, Voice.PHONE_MENTIONS)));
      }
      return details.toString();
    }

    ObjectNode toJson(String intent, Outcome outcome) {
      ObjectNode conversation = MAPPER.createObjectNode();
      ArrayNode array = conversation.putArray("messages");
      for (String[] message : messages) {
        array.addObject().put("role", message[0]).put("content", message[1]);
      }
      conversation.put("task", TASK);
      conversation.put("intent", intent);
      conversation.put("outcome", outcome.wireName());
      conversation.put("language", "en");
      conversation.put("channel", channel.wireName());
      return conversation;
    }
  }

  /** Phrases that give customers and agents their tone, and the occasional typo. */
  static final class Voice {
    static final List<String> CHAT_GREETINGS =
        List.of(
            "", "", "", "Hi, ", "Hello, ", "hey! ", "Hi there! ", "Good morning. ", "Hi team, ");
    static final List<String> CHAT_SIGN_OFFS =
        List.of(
            "",
            "",
            "",
            "",
            " Thanks!",
            " Thanks in advance.",
            " thx",
            " Appreciate the help.",
            " This is urgent, please.",
            " Thank you!!");
    static final List<String> NAME_INTRODUCTIONS =
        List.of(
            "Hi, this is {name} from {company}. ", "{name} here. ", "Hello, my name is {name}. ");
    static final List<String> EMAIL_GREETINGS =
        List.of("Hi,\n\n", "Hello,\n\n", "Dear Quillstack team,\n\n", "Hi there,\n\n");
    static final List<String> EMAIL_SIGN_OFFS =
        List.of(
            "Thanks", "Best regards", "Regards,\nFinance team", "Thank you", "Sent from my phone");
    static final List<String> EMAIL_MENTIONS =
        List.of(
            " My account e-mail is {email}.",
            " (account: {email})",
            " The workspace is registered to {email}.",
            " Login is {email} if that helps.");
    static final List<String> PHONE_MENTIONS =
        List.of(" You can also call me on {phone}.", " My number is {phone} if a call is easier.");
    static final List<String> AGENT_NAME_GREETINGS = List.of("Hi {name}! ", "Thanks, {name}. ");
    static final List<String> APOLOGIES =
        List.of(
            "",
            "Sorry about that! ",
            "Sorry for the trouble. ",
            "I'm sorry for the hassle. ",
            "Thanks for letting us know, and sorry about this. ");
    static final List<String> OPENERS =
        List.of("", "", "Happy to help! ", "Sure! ", "Of course. ", "Thanks for reaching out. ");
    static final List<String> THANKS_FOR_DETAILS =
        List.of("Thanks! ", "Got it, thanks. ", "Thanks for confirming. ", "Perfect, thank you. ");

    private static final List<Exchange> RESOLVED_CLOSINGS =
        List.of(
            new Exchange(
                "Perfect, thanks!",
                "You're welcome! If anything else comes up, just reply to this chat."),
            new Exchange("great, that worked. thank you", "Glad I could help. Have a great day!"),
            new Exchange(
                "Thanks for the quick help.",
                "Anytime! This conversation stays in your inbox if you need to refer back to it."),
            new Exchange("ok thanks", "Happy to help - take care!"),
            new Exchange(
                "That's all I needed, have a good day.", "You too! Thanks for using Quillstack."));
    private static final List<Exchange> ESCALATED_CLOSINGS =
        List.of(
            new Exchange(
                "ok. please make sure someone actually follows up",
                "I understand. Ticket {ticket} is marked high priority and you'll get updates by"
                    + " e-mail; you can reply to any of them to add details."),
            new Exchange(
                "Thanks, I'll wait for their email.",
                "Thanks for your patience. The ticket number is {ticket} in case you need it."),
            new Exchange(
                "How long will that take?",
                "Often sooner than that estimate - most tickets like this are answered the same"
                    + " day. I've marked {ticket} as high priority, and nothing on your account"
                    + " changes while it's open."));
    private static final List<Exchange> PENDING_CLOSINGS =
        List.of(
            new Exchange(
                "ok, I'll send that over later today",
                "Sounds good - I'll keep ticket {ticket} open for 7 days. Just reply here when"
                    + " you have it."),
            new Exchange(
                "I'll check with our owner and get back to you.",
                "No problem. Nothing changes on your account in the meantime."),
            new Exchange(
                "hm, need to find it first. will reply tomorrow",
                "That's fine, take your time. Reply to this thread and it comes straight back"
                    + " to me."));

    private static final String[][] MISSPELLINGS = {
      {"receive", "recieve"},
      {"invoice", "invoce"},
      {"subscription", "subscribtion"},
      {"definitely", "definately"},
      {"account", "acount"},
      {"payment", "paymnet"},
      {"because", "becuase"},
      {"already", "allready"},
      {"please", "pls"},
      {"cancel", "cancle"},
      {"address", "adress"},
      {"charged", "chraged"},
    };
    private static final Pattern LOWER_CASE_WORD = Pattern.compile("\\b[a-z]{6,}\\b");

    private Voice() {}

    static List<Exchange> closings(Outcome outcome) {
      return switch (outcome) {
        case RESOLVED -> RESOLVED_CLOSINGS;
        case ESCALATED -> ESCALATED_CLOSINGS;
        case PENDING -> PENDING_CLOSINGS;
      };
    }

    /**
     * One typo: a common misspelling, else two swapped letters. Only lower-case words change, so
     * slot values (plan names, codes, invoice numbers) stay intact.
     */
    static String typo(String text, Random rng) {
      int start = rng.nextInt(MISSPELLINGS.length);
      for (int k = 0; k < MISSPELLINGS.length; k++) {
        String[] pair = MISSPELLINGS[(start + k) % MISSPELLINGS.length];
        int at = text.indexOf(pair[0]);
        if (at >= 0) {
          return text.substring(0, at) + pair[1] + text.substring(at + pair[0].length());
        }
      }
      List<int[]> words = new ArrayList<>();
      Matcher matcher = LOWER_CASE_WORD.matcher(text);
      while (matcher.find()) {
        words.add(new int[] {matcher.start(), matcher.end()});
      }
      if (words.isEmpty()) {
        return text;
      }
      int[] word = pick(rng, words);
      int at = word[0] + 1 + rng.nextInt(word[1] - word[0] - 3);
      return text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
    }
  }

  /** The per-conversation facts templates refer to as {@code {name}}, kept mutually consistent. */
  static final class Slots {
    private static final Pattern SLOT = Pattern.compile("\\{([a-zA-Z0-9]+)\\}");
    private static final String[] PLANS = {"Starter", "Team", "Business"};
    private static final int[] PRICES = {8, 15, 29};
    private static final int[] MIN_SEATS = {1, 3, 10};
    private static final int[] MAX_SEATS = {5, 30, 80};
    private static final String[] MONTHS = {
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
      "December"
    };
    private static final List<String> COMPANIES =
        List.of(
            "Kestrel Labs",
            "Fernhill Design",
            "Bluemoor Consulting",
            "Oakline Logistics",
            "Tidewater Studio",
            "Copperleaf Analytics",
            "Northgate Tutors",
            "Saltmarsh Media",
            "Brightwell Architects",
            "Juniper & Vale");
    private static final List<String[]> VAT_COUNTRIES =
        List.of(
            new String[] {"Germany", "19"},
            new String[] {"France", "20"},
            new String[] {"the Netherlands", "21"},
            new String[] {"Ireland", "23"},
            new String[] {"Spain", "21"},
            new String[] {"Austria", "20"},
            new String[] {"Italy", "22"});
    private static final List<String[]> TARGET_CURRENCIES =
        List.of(
            new String[] {"EUR", "euros", "the EU"},
            new String[] {"GBP", "pounds", "the UK"},
            new String[] {"CAD", "Canadian dollars", "Canada"},
            new String[] {"AUD", "Australian dollars", "Australia"});
    private static final List<String[]> DISCOUNT_CODES =
        List.of(
            new String[] {"SPRING20", "20"},
            new String[] {"WELCOME15", "15"},
            new String[] {"TEAMUP10", "10"},
            new String[] {"LAUNCH25", "25"},
            new String[] {"EDU30", "30"});
    private static final List<String> DECLINES =
        List.of(
            "the bank declined it with the reason \"insufficient funds\"",
            "the card on file expired at the end of last month",
            "your bank asked for 3D Secure confirmation and it wasn't completed in time",
            "your bank's fraud check blocked it as an unusual foreign transaction",
            "the card issuer returned a generic \"do not honor\" decline");
    private static final List<String> FIRST_NAMES =
        List.of(
            "Priya", "Tomasz", "Amara", "Lena", "Diego", "Kenji", "Ruth", "Malik", "Sofia", "Jonas",
            "Ines", "Callum");
    private static final List<String> EMAIL_PATTERNS =
        List.of(
            "%s.%s@example.com",
            "%s@example.org",
            "%s+billing@example.net",
            "accounts.%s@example.com",
            "%s.%s@example.net");
    private static final List<String> PHONE_PATTERNS =
        List.of("+1 %d-555-01%02d", "(%d) 555-01%02d", "+1 (%d) 555-01%02d", "%d.555.01%02d");
    private static final int[] AREA_CODES = {202, 415, 312, 646, 617};

    private final Map<String, String> values = new HashMap<>();
    private final boolean personal;

    private Slots(boolean personal) {
      this.personal = personal;
    }

    boolean personal() {
      return personal;
    }

    static Slots draw(Random rng, boolean personal, boolean usdOnly) {
      Slots slots = new Slots(personal);
      slots.drawMoney(rng, usdOnly);
      slots.drawDocuments(rng);
      slots.drawContext(rng);
      if (personal) {
        slots.drawPersonalData(rng);
      }
      return slots;
    }

    /** Plans, seats and every amount derived from them, in one currency. */
    private void drawMoney(Random rng, boolean usdOnly) {
      int currencyRoll = rng.nextInt(100);
      String symbol = usdOnly || currencyRoll < 72 ? "$" : currencyRoll < 90 ? "€" : "£";
      int planRoll = rng.nextInt(100);
      int plan = planRoll < 35 ? 0 : planRoll < 80 ? 1 : 2;
      // One end of the upgrade/downgrade pair is always the current plan.
      int other = plan == 0 ? 1 + rng.nextInt(2) : plan == 2 ? rng.nextInt(2) : 2 * rng.nextInt(2);
      int low = Math.min(plan, other);
      int high = Math.max(plan, other);
      int seats = MIN_SEATS[plan] + rng.nextInt(MAX_SEATS[plan] - MIN_SEATS[plan] + 1);
      int daysLeft = 4 + rng.nextInt(23);
      int monthsLeft = 2 + rng.nextInt(9);
      long amount = 100L * seats * PRICES[plan];
      long annual = amount * 12 * 80 / 100;
      long prorated = (100L * seats * (PRICES[high] - PRICES[low]) * daysLeft + 15) / 30;
      String[] code = pick(rng, DISCOUNT_CODES);
      String[] vat = pick(rng, VAT_COUNTRIES);
      int codePct = Integer.parseInt(code[1]);
      int vatRate = Integer.parseInt(vat[1]);

      put("plan", PLANS[plan]);
      put("lowPlan", PLANS[low]);
      put("highPlan", PLANS[high]);
      put("seats", Integer.toString(seats));
      put("seatsAdd", Integer.toString(2 + rng.nextInt(7)));
      put("daysLeft", Integer.toString(daysLeft));
      put("monthsLeft", Integer.toString(monthsLeft));
      put("price", money(symbol, 100L * PRICES[plan]));
      put("lowPrice", money(symbol, 100L * PRICES[low]));
      put("highPrice", money(symbol, 100L * PRICES[high]));
      put("amount", money(symbol, amount));
      put("lowMonthly", money(symbol, 100L * seats * PRICES[low]));
      put("highMonthly", money(symbol, 100L * seats * PRICES[high]));
      put("prorated", money(symbol, prorated));
      put("monthly12", money(symbol, amount * 12));
      put("annualAmount", money(symbol, annual));
      put("annualSaving", money(symbol, amount * 12 - annual));
      put("annualRefund", money(symbol, annual * monthsLeft / 12));
      put("code", code[0]);
      put("codePct", code[1]);
      put("discountValue", money(symbol, amount * codePct / 100));
      put("vatCountry", vat[0]);
      put("vatRate", vat[1]);
      put("vatAmount", money(symbol, amount * vatRate / 100));
    }

    /** Invoice, refund and ticket numbers, card digits and the dates of the story. */
    private void drawDocuments(Random rng) {
      put("invoice", String.format(Locale.ROOT, "INV-2026-%05d", 100 + rng.nextInt(9900)));
      put("ref", "RF-" + (100000 + rng.nextInt(900000)));
      put("ticket", "BIL-" + (10000 + rng.nextInt(90000)));
      put("last4", String.format(Locale.ROOT, "%04d", rng.nextInt(10000)));
      boolean dayFirst = rng.nextInt(100) < 30;
      LocalDate date = LocalDate.of(2026, 1, 1).plusDays(rng.nextInt(300));
      put("date", formatDate(date, dayFirst));
      put("month", MONTHS[date.getMonthValue() - 1]);
      put("periodEnd", formatDate(date.plusMonths(1), dayFirst));
      put("retryDate", formatDate(date.plusDays(3), dayFirst));
      put("trialEnd", formatDate(date, dayFirst));
      put("trialExtended", formatDate(date.plusDays(7), dayFirst));
    }

    private void drawContext(Random rng) {
      String[] target = pick(rng, TARGET_CURRENCIES);
      put("targetCurrency", target[0]);
      put("targetName", target[1]);
      put("targetRegion", target[2]);
      put("company", pick(rng, COMPANIES));
      put("decline", pick(rng, DECLINES));
      put("product", PRODUCT);
    }

    private void drawPersonalData(Random rng) {
      String name = pick(rng, FIRST_NAMES);
      String lower = name.toLowerCase(Locale.ROOT);
      String initial = String.valueOf((char) ('a' + rng.nextInt(26)));
      put("name", name);
      // Patterns use one or both arguments; String.format ignores the extra one.
      put("email", String.format(Locale.ROOT, pick(rng, EMAIL_PATTERNS), lower, initial));
      put(
          "phone",
          String.format(
              Locale.ROOT,
              pick(rng, PHONE_PATTERNS),
              AREA_CODES[rng.nextInt(AREA_CODES.length)],
              rng.nextInt(100)));
    }

    private void put(String key, String value) {
      values.put(key, value);
    }

    /** Replaces every {@code {slot}}; an unknown slot is a bug in a template. */
    String fill(String template) {
      Matcher matcher = SLOT.matcher(template);
      StringBuilder filled = new StringBuilder();
      while (matcher.find()) {
        String value = values.get(matcher.group(1));
        if (value == null) {
          throw new IllegalStateException("No slot " + matcher.group() + " in: " + template);
        }
        matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
      }
      return matcher.appendTail(filled).toString();
    }

    private static String formatDate(LocalDate date, boolean dayFirst) {
      String month = MONTHS[date.getMonthValue() - 1];
      return dayFirst ? date.getDayOfMonth() + " " + month : month + " " + date.getDayOfMonth();
    }

    /** {@code $1,234.50}, independent of the default locale. */
    static String money(String symbol, long cents) {
      String units = Long.toString(cents / 100);
      StringBuilder grouped = new StringBuilder(symbol);
      for (int i = 0; i < units.length(); i++) {
        if (i > 0 && (units.length() - i) % 3 == 0) {
          grouped.append(',');
        }
        grouped.append(units.charAt(i));
      }
      return grouped.append(String.format(Locale.ROOT, ".%02d", cents % 100)).toString();
    }
  }

  /** The billing desk's intents, their scenarios and the agent's answers. */
  static final class Playbooks {
    static final Playbook UPDATE_CARD = updateCard();
    static final Playbook FAILED_PAYMENT = failedPayment();
    static final List<Playbook> ALL =
        List.of(
            refundRequest(),
            duplicateCharge(),
            invoiceCopy(),
            UPDATE_CARD,
            cancelSubscription(),
            changePlan(),
            FAILED_PAYMENT,
            vatInvoice(),
            prorationQuestion(),
            currencyChange(),
            trialEnding(),
            discountNotApplied(),
            receiptMissing(),
            annualVsMonthly(),
            removePaymentMethod());
    private static final int TOTAL_WEIGHT = ALL.stream().mapToInt(p -> p.weight).sum();

    private Playbooks() {}

    static Playbook draw(Random rng) {
      int roll = rng.nextInt(TOTAL_WEIGHT);
      for (Playbook playbook : ALL) {
        roll -= playbook.weight;
        if (roll < 0) {
          return playbook;
        }
      }
      throw new AssertionError("weights exhausted");
    }

    private static Playbook refundRequest() {
      return new Playbook("refund_request", 12)
          .scenario(
              Scenario.request()
                  .openings(
                      "I forgot to cancel before the renewal and got charged {amount} on {date}. We"
                          + " don't use {product} anymore - can I get a refund?",
                      "we were billed {amount} for the {plan} plan on {date} but the team moved to"
                          + " another tool weeks ago. is a refund possible?",
                      "I'd like a refund for invoice {invoice}. The subscription renewed on {date}"
                          + " and I meant to cancel it before that.")
                  .clarify(
                      "I can check that for you. Could you share the invoice number (it starts with"
                          + " INV-) or the last four digits of the card that was charged?",
                      "Sure, it's {invoice}.")
                  .clarify(
                      "I can check that for you. Could you share the invoice number (it starts with"
                          + " INV-) or the last four digits of the card that was charged?",
                      "card ending {last4}")
                  .clarify(
                      "Happy to look into it. Which workspace is this about? The name is in the"
                          + " top-left corner of the app.",
                      "It's the {company} workspace.")
                  .answers(
                      "The charge on {date} is inside our 14-day refund window, so I've refunded"
                          + " the full {amount} to the card ending {last4} (reference {ref}). It"
                          + " usually takes 5-10 business days to show up, depending on your bank."
                          + " I've also cancelled the subscription, so you won't be billed again;"
                          + " the workspace moves to the Free plan and nothing is deleted.",
                      "Done - I've issued a full refund of {amount} for {invoice} and turned off"
                          + " auto-renew. You'll get a confirmation e-mail with the credit note in"
                          + " a few minutes, and the money should be back on your card in 5-10"
                          + " business days.")
                  .followUp(
                      "Will I lose access right away?",
                      "No, you keep full access until {periodEnd}. After that the workspace moves"
                          + " to the Free plan and your data stays where it is; you can export it"
                          + " any time under Settings > Workspace > Export.")
                  .followUp(
                      "can the refund go to a different card? the old one is blocked",
                      "Refunds can only go back to the original payment method. If the card is"
                          + " blocked or closed, your bank still routes the money to your account."
                          + " If it hasn't arrived after 10 business days, reply here and we'll"
                          + " sort it out with our payment processor.")
                  .followUp(
                      "Do I get some kind of confirmation for our bookkeeping?",
                      "Yes - a credit note is created automatically and e-mailed to your billing"
                          + " contact. You can also download it as a PDF under Settings > Billing >"
                          + " Invoices, listed next to {invoice}."))
          .scenario(
              Scenario.request()
                  .openings(
                      "Our annual renewal ({annualAmount}) went through on {date}. We only need"
                          + " {plan} for a couple more weeks. Is a partial refund possible?",
                      "Can I get money back for the rest of the year? We paid annually but we're"
                          + " closing the project at the end of this month.")
                  .answers(
                      "It's been more than 14 days since the charge, so a full refund isn't"
                          + " possible, but annual plans qualify for a prorated refund of the"
                          + " unused months. That's {monthsLeft} of 12 months, {annualRefund},"
                          + " which I've sent back to the card ending {last4} (reference {ref})."
                          + " You'll see it within 5-10 business days, and you keep {plan} until the"
                          + " end of this month as you asked.",
                      "I've cancelled the renewal and refunded the unused {monthsLeft} months:"
                          + " {annualRefund} to the card ending {last4}. It should land within 5-10"
                          + " business days. The workspace stays on {plan} until the end of this"
                          + " month, then moves to the Free plan with all your data intact.")
                  .followUp(
                      "Do I get some kind of confirmation for our bookkeeping?",
                      "Yes - a credit note for {annualRefund} is e-mailed to your billing contact"
                          + " and listed under Settings > Billing > Invoices."))
          .scenario(
              Scenario.request()
                  .withoutEscalation()
                  .openings(
                      "I clicked upgrade to {highPlan} by mistake yesterday and got charged"
                          + " {prorated}. Can you undo it?",
                      "Accidentally upgraded our workspace to {highPlan} :( please reverse the"
                          + " charge, we want to stay on {lowPlan}")
                  .answers(
                      "No problem, that happens. I've moved the workspace back to {lowPlan} and"
                          + " refunded the {prorated} upgrade charge (reference {ref}). Nothing else"
                          + " changes: your next invoice is the usual {lowMonthly}. The refund"
                          + " takes 5-10 business days to appear.",
                      "I've reverted the upgrade, so you're back on {lowPlan} with all your data,"
                          + " and the {prorated} charge has been refunded in full. If someone needs a"
                          + " {highPlan} feature later, an admin can upgrade again under Settings >"
                          + " Billing > Plan.")
                  .followUp(
                      "Can I stop other admins from upgrading without asking?",
                      "Yes. Under Settings > Billing > Permissions, turn on \"Only the owner can"
                          + " change the plan\". Admins will then see a request button instead."))
          .escalations(
              "Refunds of this size need sign-off from our billing team, so I've opened ticket"
                  + " {ticket} with all the details. They usually reply by e-mail within 1-2"
                  + " business days; you don't need to do anything in the meantime.",
              "I can't issue this one myself because the workspace already had a refund in the"
                  + " last 12 months. I've escalated it to a billing specialist as ticket {ticket};"
                  + " expect an e-mail within 2 business days.")
          .pendings(
              "I can process this, but refunds have to be requested by the workspace owner. Could"
                  + " you ask them to reply to this thread, or start a chat from their login? I'll"
                  + " keep ticket {ticket} open for 7 days.",
              "I've prepared the refund, but need one thing first: do you also want to cancel the"
                  + " subscription, or only refund this charge and keep the plan? Reply here and"
                  + " I'll finish it.");
    }

    private static Playbook duplicateCharge() {
      return new Playbook("duplicate_charge", 8)
          .scenario(
              Scenario.problem()
                  .openings(
                      "I was charged twice for {invoice} - two payments of {amount} on {date}."
                          + " Please refund one of them.",
                      "why are there 2 identical charges of {amount} on my card?? we only have one"
                          + " workspace",
                      "Our finance team spotted a duplicate charge from {product} dated {date},"
                          + " both for {amount}. Please advise.")
                  .clarify(
                      "Could you tell me the last four digits of the card, and whether both charges"
                          + " show as completed?",
                      "ending {last4}, both say completed")
                  .answers(
                      "I can see what happened: the first payment attempt on {date} timed out at"
                          + " your bank and our system retried, so it went through twice. I've"
                          + " refunded the duplicate {amount} (reference {ref}); it should be back"
                          + " on the card ending {last4} within 5-10 business days.",
                      "You're right, there are two charges - two admins upgraded the workspace"
                          + " within a minute of each other. I've reversed the second payment of"
                          + " {amount}, so you only pay once for {invoice}. The refund shows up in"
                          + " 5-10 business days.")
                  .followUp(
                      "will this happen again next month?",
                      "It shouldn't. The retry issue is fixed on our side, and I've added a note"
                          + " so our team double-checks your next renewal on {periodEnd}.")
                  .followUp(
                      "Do I need to call my bank?",
                      "No need. If you already opened a dispute, tell the bank a refund was issued"
                          + " so they can close it - two reversals of the same payment can take"
                          + " weeks to untangle."))
          .scenario(
              Scenario.problem()
                  .withoutEscalation()
                  .openings(
                      "There's a second charge of {amount} showing as pending on my card from"
                          + " today. Did you bill me again?",
                      "My bank app shows {amount} twice from {product}. One of them is marked"
                          + " pending. Is that a mistake?")
                  .clarify(
                      "Let me check. Could you confirm the last four digits of the card?",
                      "it's {last4}")
                  .answers(
                      "Only one payment of {amount} was actually captured for {invoice}. The"
                          + " pending one is an authorization hold from when the card was verified"
                          + " - it isn't a charge, and your bank releases it automatically, usually"
                          + " within 3-5 business days.",
                      "The second entry is a temporary authorization, not a payment. We place a"
                          + " hold when a card is added or updated and cancel it right away, but"
                          + " some banks take up to a week to drop it from the statement. You won't"
                          + " be charged twice.")
                  .followUp(
                      "What if it's still there next week?",
                      "Then reply to this chat with a screenshot of the pending entry and I'll ask"
                          + " our payment processor to release it manually."))
          .escalations(
              "I can see both charges, but one is already flagged as a dispute by your bank, which"
                  + " locks it on our side. I've handed this to our payments team as {ticket};"
                  + " they'll work it out with the bank and e-mail you within 2 business days."
                  + " Please don't open another dispute in the meantime - it slows things down.")
          .pendings(
              "On our side I only see one successful charge for {invoice}. Could you send a"
                  + " screenshot of both transactions from your bank statement? Please hide"
                  + " everything except the date, amount and merchant name. Once I have it I'll"
                  + " investigate with our payment processor.");
    }

    private static Playbook invoiceCopy() {
      return new Playbook("invoice_copy", 10)
          .scenario(
              Scenario.request()
                  .withoutEscalation()
                  .openings(
                      "Where can I download the invoice for {month}? Need it for my expense"
                          + " report.",
                      "how do i get a pdf of my invoice",
                      "I need the invoice for the payment on {date} please.")
                  .answers(
                      "You can download it yourself in a few clicks:\n"
                          + "1. Go to Settings > Billing > Invoices.\n"
                          + "2. Find {invoice} ({date}, {amount}).\n"
                          + "3. Click the PDF icon on the right.\n"
                          + "Only workspace owners and billing admins see that page - if you don't,"
                          + " ask an owner to make you a billing admin.",
                      "I've just e-mailed a copy of {invoice} to the billing contact of the"
                          + " workspace. For next time: every invoice is under Settings > Billing >"
                          + " Invoices, where you can download the PDF whenever you need it.")
                  .followUp(
                      "Can they be sent to more than one address?",
                      "Yes, up to three. Add them under Settings > Billing > Billing contacts; each"
                          + " address gets a copy of every invoice and receipt from the next"
                          + " billing run."))
          .scenario(
              Scenario.request()
                  .withoutEscalation()
                  .openings(
                      "can you resend invoice {invoice}? accounting says they never got it",
                      "Please send {invoice} again, our accounts payable team can't find it.")
                  .answers(
                      "I've re-sent {invoice} to the billing contact on file. If accounting should"
                          + " get invoices directly, add their address under Settings > Billing >"
                          + " Billing contacts - up to three addresses get a copy of every invoice"
                          + " and receipt."))
          .scenario(
              Scenario.request()
                  .withoutPending()
                  .openings(
                      "I need copies of all our invoices from this year for an audit. Is there a"
                          + " bulk download?",
                      "Is there a way to export every invoice at once? Clicking through 12 PDFs is"
                          + " painful")
                  .answers(
                      "Yes - on Settings > Billing > Invoices there's an Export button above the"
                          + " list. Pick the date range (for example 1 January to today) and you'll"
                          + " get a ZIP with every invoice and credit note as PDF, plus a CSV"
                          + " summary. Large exports are e-mailed to you when ready, usually within"
                          + " a few minutes."))
          .scenario(
              Scenario.request()
                  .withoutEscalation()
                  .withoutPending()
                  .openings(
                      "Our accountant needs the invoice for {date} made out to {company}, not to my"
                          + " name. Can you change it?",
                      "The invoices show my personal name but they should show {company}. How do I"
                          + " fix that?")
                  .answers(
                      "I've updated the billing name to {company} and regenerated {invoice}; the"
                          + " new PDF is under Settings > Billing > Invoices and the invoice number"
                          + " stays the same. Future invoices use the new name automatically, and"
                          + " you can edit it any time under Settings > Billing > Company details.")
                  .followUp(
                      "Can we also add our PO number?",
                      "Yes, there's a Reference field under Settings > Billing > Company details."
                          + " Whatever you put there is printed on every invoice from then on."))
          .escalations(
              "Invoices from before our billing system migration can't be regenerated from here, so"
                  + " I've asked our finance team to pull them manually (ticket {ticket}). They'll"
                  + " e-mail the PDFs within 2 business days.")
          .pendings(
              "I can send it, but I don't see a workspace under the address you're writing from."
                  + " Could you reply with the workspace name or the invoice number? Then I'll send"
                  + " the copy right away.");
    }

    private static Playbook updateCard() {
      return new Playbook("update_card", 9)
          .scenario(
              Scenario.request()
                  .openings(
                      "My card expired, how do I put in the new one?",
                      "I got a new company card, need to update the payment method before the next"
                          + " billing date",
                      "how do I change the credit card on our account? the old one ending {last4}"
                          + " is being cancelled")
                  .answers(
                      "Here's how to swap the card:\n"
                          + "1. Go to Settings > Billing > Payment method.\n"
                          + "2. Click Replace card and enter the new details.\n"
                          + "3. Save - we run a small authorization to check the card, which"
                          + " disappears within a few days.\n"
                          + "The next invoice on {periodEnd} goes to the new card automatically.",
                      "You can do it under Settings > Billing > Payment method > Replace card. Once"
                          + " the new card is saved, the old one is removed automatically. If a"
                          + " payment is overdue, we retry it on the new card within an hour.")
                  .followUp(
                      "Will I be charged when I change the card?",
                      "No. We place a temporary authorization of about $1 to check the card, and it"
                          + " drops off within a few days. Your regular charge stays on"
                          + " {periodEnd}.")
                  .followUp(
                      "can I use paypal instead?",
                      "Not at the moment - we accept major credit and debit cards, and bank"
                          + " transfer on annual plans. If you switch to annual billing, we can"
                          + " invoice you instead."))
          .scenario(
              Scenario.problem()
                  .withoutEscalation()
                  .withoutPending()
                  .openings(
                      "Trying to update my card but it keeps saying \"Your card could not be"
                          + " verified\"",
                      "new card gets rejected on the billing page, tried twice already")
                  .clarify(
                      "Let me help. Is it a debit or a credit card, and where was it issued?",
                      "Debit card, issued in {vatCountry}.")
                  .answers(
                      "Some debit cards need 3D Secure confirmation: after you click Save, your"
                          + " banking app should ask you to approve a small verification charge. If"
                          + " nothing shows up, try again with the banking app open, or use a"
                          + " different card. Prepaid cards aren't supported, which is the other"
                          + " common cause of that message."))
          .scenario(
              Scenario.request()
                  .withoutPending()
                  .openings(
                      "I'm an admin but I don't see the Payment method page. Where is it?",
                      "The person who set up billing left the company. How do I change the card to"
                          + " mine?")
                  .answers(
                      "Only the workspace owner and billing admins can see billing pages. Ask the"
                          + " owner to go to Settings > Members, open your profile and turn on"
                          + " Billing admin. After that you'll see Settings > Billing > Payment"
                          + " method and can replace the card. If the owner has left the company,"
                          + " reply here and we'll help transfer ownership."))
          .withCardLeak(
              Scenario.request()
                  .openings(
                      "can you just put the new card on file for me? it's 4242 4242 4242 4242,"
                          + " exp 09/28")
                  .answers(
                      "Please don't post full card numbers in chat - I've flagged that message for"
                          + " redaction, and for your security we can't enter card details on"
                          + " anyone's behalf. Adding it yourself takes a minute:\n"
                          + "1. Settings > Billing > Payment method.\n"
                          + "2. Replace card, enter the details, Save.\n"
                          + "The next renewal on {periodEnd} will use the new card."))
          .escalations(
              "Your workspace is on invoiced billing, so the payment details are managed by our"
                  + " finance team rather than in the app. I've forwarded your request as ticket"
                  + " {ticket}; they'll send you a secure link to update them within 1 business"
                  + " day.")
          .pendings(
              "I've sent a secure card-update link to the billing contact on file. It's valid for"
                  + " 48 hours - once the new card is saved, let me know and I'll confirm the"
                  + " overdue invoice went through.");
    }

    private static Playbook cancelSubscription() {
      return new Playbook("cancel_subscription", 9)
          .scenario(
              Scenario.request()
                  .openings(
                      "How do I cancel our subscription?",
                      "I want to cancel. Please don't renew us on {periodEnd}.",
                      "We're shutting the project down, please cancel the {plan} plan for"
                          + " {company}")
                  .answers(
                      "You can cancel under Settings > Billing > Plan > Cancel subscription. You'll"
                          + " keep {plan} features until {periodEnd}; after that the workspace"
                          + " switches to the Free plan. Projects and files stay, but anything over"
                          + " the Free limits becomes read-only.",
                      "I've cancelled the subscription, effective at the end of the current period"
                          + " on {periodEnd}. There are no further charges, and a confirmation"
                          + " e-mail is on its way. If you change your mind before then, you can"
                          + " reactivate with one click under Settings > Billing > Plan.")
                  .followUp(
                      "Can I still export our data after the plan ends?",
                      "Yes. Exports work on the Free plan too, under Settings > Workspace > Export."
                          + " You'll get a ZIP with all projects, tasks and attachments.")
                  .followUp(
                      "Will we get a refund for the remaining days?",
                      "Monthly plans aren't refunded for partial months, so you keep access until"
                          + " {periodEnd} instead. If you were charged in the last 14 days and"
                          + " didn't use the workspace, tell me and I'll check whether a refund"
                          + " applies."))
          .scenario(
              Scenario.request()
                  .openings(
                      "Cancel my account and delete all our data please.",
                      "we want to cancel and make sure our data is gone afterwards (GDPR)")
                  .answers(
                      "I've cancelled the subscription, so you won't be charged again. Deleting the"
                          + " data is a separate step only the owner can take: Settings > Workspace"
                          + " > Delete workspace. It asks you to type the workspace name to"
                          + " confirm, and the data is removed from our systems within 30 days,"
                          + " backups included. I'd export first under Settings > Workspace >"
                          + " Export.")
                  .followUp(
                      "Do we get a confirmation that it's deleted?",
                      "Yes, the owner gets an e-mail once the deletion has finished, which you can"
                          + " keep for your GDPR records."))
          .scenario(
              Scenario.request()
                  .withoutEscalation()
                  .withoutPending()
                  .openings(
                      "Thinking of cancelling, {amount} a month is too much for {seats} people"
                          + " honestly",
                      "Our budget got cut. Is there any option other than cancelling?")
                  .answers(
                      "Before you cancel, a few options that might help:\n"
                          + "- Remove inactive members under Settings > Members; you're only billed"
                          + " for active seats.\n"
                          + "- Switch to annual billing, which is 20% cheaper than monthly.\n"
                          + "- Pause the workspace for up to 3 months at no charge.\n"
                          + "If none of those work, you can cancel under Settings > Billing > Plan"
                          + " and keep access until {periodEnd}."))
          .escalations(
              "Because your workspace is on a signed annual contract, cancellation goes through"
                  + " your account manager. I've passed the request on as {ticket}; they'll contact"
                  + " you within 2 business days to confirm the end date.")
          .pendings(
              "I can cancel it, but only the workspace owner can confirm a cancellation. I've sent"
                  + " them a confirmation e-mail - once they click the link, the cancellation takes"
                  + " effect at the end of the period.");
    }

    private static Playbook changePlan() {
      return new Playbook("change_plan", 9)
          .scenario(
              Scenario.request()
                  .openings(
                      "We need guest access, which I think is only on {highPlan}. How do we"
                          + " upgrade from {lowPlan}?",
                      "how much would it cost to move our {seats} seats from {lowPlan} to"
                          + " {highPlan}?",
                      "Please upgrade us to {highPlan}, the team is growing")
                  .answers(
                      "{highPlan} is {highPrice} per seat per month, so for {seats} seats that's"
                          + " {highMonthly} a month. To upgrade, go to Settings > Billing > Plan and"
                          + " pick {highPlan}. The change is immediate and prorated: today you pay"
                          + " the difference for the rest of this cycle ({prorated}), and from"
                          + " {periodEnd} the regular {highPlan} price applies.",
                      "Done - you're on {highPlan} now, and its features are unlocked for everyone"
                          + " in the workspace. You were charged {prorated} today for the remaining"
                          + " {daysLeft} days of this cycle; the next full invoice of {highMonthly}"
                          + " comes on {periodEnd}.")
                  .followUp(
                      "Is the price per seat or per workspace?",
                      "Per active seat, billed monthly or annually. Guests are free and don't count"
                          + " as seats."))
          .scenario(
              Scenario.request()
                  .withoutEscalation()
                  .openings(
                      "We'd like to downgrade from {highPlan} to {lowPlan} at the end of the"
                          + " month.",
                      "Can we go down to {lowPlan}? We don't use half of the {highPlan} features")
                  .answers(
                      "Sure. Go to Settings > Billing > Plan, choose {lowPlan} and confirm."
                          + " Downgrades take effect at the end of the current cycle ({periodEnd}),"
                          + " so you keep {highPlan} until then and aren't charged twice. Worth"
                          + " checking first: features {lowPlan} doesn't include (compare them on"
                          + " the Plans page) switch off after the change.",
                      "I've scheduled the downgrade to {lowPlan} for {periodEnd}. Until then nothing"
                          + " changes. Your first {lowPlan} invoice will be {lowMonthly} for {seats}"
                          + " seats, and you can cancel the scheduled change any time before that"
                          + " date under Settings > Billing > Plan.")
                  .followUp(
                      "Do we lose any data if we downgrade?",
                      "No, a plan change never deletes data. Features that aren't in {lowPlan}"
                          + " become read-only or hidden, and everything comes back if you upgrade"
                          + " again."))
          .scenario(
              Scenario.request()
                  .withoutPending()
                  .openings(
                      "How do I add {seatsAdd} more seats?",
                      "we hired {seatsAdd} people, do I need to buy seats first or just invite"
                          + " them?")
                  .answers(
                      "You don't need to buy seats in advance. Invite people under Settings >"
                          + " Members and each new member is added to your plan automatically, with"
                          + " a prorated charge for the rest of the cycle. On {plan} each extra seat"
                          + " is {price} a month."))
          .escalations(
              "Plan changes for workspaces with more than 50 seats go through our sales team, so"
                  + " I've passed this on as ticket {ticket}. They'll reach out within 1 business"
                  + " day; your current plan keeps running until then.")
          .pendings(
              "I can make the change, but it needs approval from the workspace owner. I've sent"
                  + " them a request - once they approve it in the app, the change goes through"
                  + " immediately.");
    }

    private static Playbook failedPayment() {
      return new Playbook("failed_payment", 10)
          .scenario(
              Scenario.problem()
                  .openings(
                      "Got an email saying my payment failed but there's money on the card. What's"
                          + " going on?",
                      "payment failed again for {invoice}, whats wrong",
                      "We received a failed payment notice for {amount}. Please check, the card"
                          + " should be fine.")
                  .clarify(
                      "Could you confirm the last four digits of the card on file?",
                      "ends in {last4}")
                  .answers(
                      "I checked the attempt on {date}: {decline}. Nothing is wrong with your"
                          + " account. You can retry right away under Settings > Billing > Invoices"
                          + " > {invoice} > Pay now, or wait for the automatic retry on"
                          + " {retryDate}. The workspace stays fully active during the 7-day grace"
                          + " period.",
                      "The payment for {invoice} was declined because {decline}. I've reset the"
                          + " retry, so if you click Pay now under Settings > Billing > Invoices it"
                          + " tries again immediately. If it fails again, your bank can tell you"
                          + " more than we can - they see the full reason code.")
                  .followUp(
                      "Can you send me a receipt once it's paid?",
                      "It's sent automatically to your billing contact as soon as the payment goes"
                          + " through, and it's listed under Settings > Billing > Invoices next to"
                          + " {invoice}."))
          .scenario(
              Scenario.problem()
                  .withoutPending()
                  .openings(
                      "Our workspace says \"payment overdue\" and the team can't create new"
                          + " projects. Please help, we have a deadline today!",
                      "everything is read-only because of a failed payment?? I updated the card"
                          + " yesterday")
                  .answers(
                      "The invoice {invoice} ({amount}) was still open because the automatic retry"
                          + " only runs once a day. I've just charged the new card manually and it"
                          + " went through, so the workspace is fully unlocked again - a refresh"
                          + " should do it. Your next renewal on {periodEnd} uses the new card as"
                          + " well.")
                  .followUp(
                      "Will we lose anything because of the overdue period?",
                      "No. During the grace period and the read-only phase nothing is deleted;"
                          + " everything is exactly as you left it."))
          .withCardLeak(
              Scenario.problem()
                  .openings(
                      "payment keeps failing. I'm using card 4242 4242 4242 4242 exp 11/27, what"
                          + " is wrong??")
                  .answers(
                      "Please don't share full card details in chat; I've flagged the message so it"
                          + " gets redacted. The number you entered is a public test card number:"
                          + " it only works in test environments, so real payments with it are"
                          + " always declined. Please add your actual card under Settings > Billing"
                          + " > Payment method and the open invoice {invoice} will be retried"
                          + " automatically within an hour."))
          .escalations(
              "The payment failed three times with an error on our processor's side, not your"
                  + " bank's. I've escalated it to our payments team as {ticket} and paused the"
                  + " reminders, so your workspace won't be restricted while they investigate."
                  + " You'll hear back within 1 business day.")
          .pendings(
              "I've extended your grace period by 7 days so nothing gets locked. Could you check"
                  + " with your bank whether they blocked the payment and let me know? Once they've"
                  + " cleared it, I'll retry the charge for you.");
    }

    private static Playbook vatInvoice() {
      return new Playbook("vat_invoice", 6)
          .scenario(
              Scenario.request()
                  .openings(
                      "We're a business in {vatCountry}. How do we add our VAT number so we're not"
                          + " charged VAT?",
                      "Our invoices include VAT but we should be reverse charged. Company:"
                          + " {company}, based in {vatCountry}.")
                  .answers(
                      "Add your VAT ID under Settings > Billing > Tax details. We validate it"
                          + " against the EU VIES database, which usually takes a few seconds. Once"
                          + " it's valid, future invoices show 0% VAT with a reverse-charge note."
                          + " Invoices already issued stay as they are, but I can credit the VAT on"
                          + " the last one if you add the ID this week.",
                      "The workspace is billed to {vatCountry}, but no VAT ID was saved, which is"
                          + " why {vatRate}% VAT ({vatAmount}) was added. Once you enter the ID"
                          + " under Settings > Billing > Tax details, I can reissue {invoice} as a"
                          + " reverse-charge invoice and refund the VAT.")
                  .followUp(
                      "Can you refund the VAT from previous months too?",
                      "We can go back up to 3 months. I've noted this on your account; once your"
                          + " VAT ID validates, reply here and we'll reissue those invoices and"
                          + " refund the VAT.")
                  .followUp(
                      "Does the invoice show the reverse charge wording our auditor needs?",
                      "Yes - reverse-charge invoices carry the note \"VAT reverse charge - Article"
                          + " 196, Council Directive 2006/112/EC\" together with both VAT IDs."))
          .scenario(
              Scenario.request()
                  .withoutEscalation()
                  .openings(
                      "Our finance department needs a proper tax invoice with our address and VAT"
                          + " ID on it, the receipt isn't enough.",
                      "is the receipt a valid VAT invoice? accounting is asking")
                  .answers(
                      "The receipt only confirms the payment; the tax invoice is a separate"
                          + " document. You'll find it under Settings > Billing > Invoices as"
                          + " {invoice}. It lists our VAT details, your company name, address and"
                          + " VAT ID (if saved under Tax details), the net amount, VAT and total. If"
                          + " your address is missing, update it under Settings > Billing > Company"
                          + " details and I'll regenerate the invoice."))
          .scenario(
              Scenario.problem()
                  .withoutEscalation()
                  .withoutPending()
                  .openings(
                      "Why was I charged {vatAmount} on top of {amount}? Nobody mentioned tax.",
                      "my invoice has {vatRate}% tax added, is that right?")
                  .answers(
                      "That's VAT for {vatCountry} at {vatRate}%. Prices on our pricing page are"
                          + " shown without tax, and we have to add VAT for customers in the EU who"
                          + " don't have a VAT ID. If you're buying for a registered business, add"
                          + " your VAT ID under Settings > Billing > Tax details and future invoices"
                          + " will be reverse-charged."))
          .escalations(
              "Our check says the VAT ID isn't active in VIES right now, so I can't apply the"
                  + " reverse charge myself. I've sent it to our tax team as {ticket}; they'll"
                  + " review your registration documents and reply within 3 business days.")
          .pendings(
              "Could you send me your VAT ID exactly as it appears on your registration, country"
                  + " code first? As soon as I have it, I'll validate it and reissue {invoice}.");
    }

    private static Playbook prorationQuestion() {
      return new Playbook("proration_question", 6)
          .scenario(
              Scenario.request()
                  .withoutPending()
                  .openings(
                      "Why was I charged {prorated} today? Our plan is {highMonthly} a month.",
                      "can someone explain the weird amount {prorated} on {invoice}? we upgraded to"
                          + " {highPlan} last week")
                  .answers(
                      "That's a prorated charge for the upgrade from {lowPlan} to {highPlan}. There"
                          + " were {daysLeft} days left in the billing cycle, so you paid the"
                          + " difference for those days only: {seats} seats x ({highPrice} -"
                          + " {lowPrice}) x {daysLeft}/30 = {prorated}. From {periodEnd} you'll see"
                          + " the regular {highMonthly} per month.")
                  .followUp(
                      "So next month will be normal again?",
                      "Yes. From {periodEnd} you get one invoice with the regular per-seat price and"
                          + " no prorated lines, unless your team changes again."))
          .scenario(
              Scenario.request()
                  .openings(
                      "Our invoice is higher than usual this month. We didn't change plans.",
                      "Invoice {invoice} is more than I expected - can you break it down?")
                  .clarify(
                      "Let me take a look. Did anyone join the workspace during the last billing"
                          + " cycle?",
                      "Yes, we added a few people mid-month I think")
                  .answers(
                      "When new members join mid-cycle, we charge only for the days they were"
                          + " active, and those amounts appear as separate lines on {invoice}. The"
                          + " invoice PDF under Settings > Billing > Invoices lists each member with"
                          + " their prorated amount. Next month you'll be billed the regular price"
                          + " for all seats.")
                  .followUp(
                      "Can I turn proration off? It makes our accounting messy",
                      "Not for individual workspaces, but on annual plans we can bundle mid-cycle"
                          + " changes into one quarterly true-up invoice. If you'd like that, I can"
                          + " set it up."))
          .scenario(
              Scenario.request()
                  .withoutEscalation()
                  .withoutPending()
                  .openings(
                      "I downgraded from {highPlan} to {lowPlan}, do I get money back for the rest"
                          + " of the month?",
                      "where did the credit from my downgrade go?")
                  .answers(
                      "Downgrades take effect at the end of the current cycle, so there's nothing"
                          + " to refund: you keep {highPlan} until {periodEnd} and then pay the"
                          + " {lowPlan} price. If you removed seats instead, the unused days become"
                          + " account credit, which is deducted from your next invoice"
                          + " automatically - the balance is under Settings > Billing > Overview."))
          .escalations(
              "The proration on {invoice} doesn't match what I'd expect - it looks like some seats"
                  + " were charged twice. I've sent it to our billing engineers as {ticket}; they'll"
                  + " correct the invoice and refund the difference, usually within 2 business"
                  + " days.")
          .pendings(
              "To explain it line by line I need to know which invoice you're looking at - could"
                  + " you reply with the invoice number from the PDF (it starts with INV-)?");
    }

    private static Playbook currencyChange() {
      return new Playbook("currency_change", 4)
          .billedInUsd()
          .scenario(
              Scenario.request()
                  .openings(
                      "Can we pay in {targetCurrency} instead of USD? Our company is based in"
                          + " {targetRegion}.",
                      "Is it possible to switch the billing currency to {targetName}? The"
                          + " conversion fees from my bank are annoying")
                  .answers(
                      "Yes. The billing currency can be changed once per subscription, at renewal."
                          + " I've scheduled the switch to {targetCurrency} for your next invoice on"
                          + " {periodEnd}; prices then follow our {targetCurrency} price list, which"
                          + " you can preview on the pricing page. Your card stays the same.",
                      "You can change it yourself: Settings > Billing > Plan > Billing currency,"
                          + " choose {targetCurrency} and confirm. It applies from the next renewal"
                          + " ({periodEnd}). Any account credit in USD is converted at that day's"
                          + " rate.")
                  .followUp(
                      "Will the price be the same?",
                      "Prices are set per currency rather than converted daily, so they're close"
                          + " but not identical. The {plan} price in {targetCurrency} is on the"
                          + " pricing page when you pick the currency at the top.")
                  .followUp(
                      "Can you do it right now instead of at renewal?",
                      "Only by ending the current period early, which means a prorated refund in"
                          + " USD and a new charge in {targetCurrency}. Most customers wait for the"
                          + " renewal, but I can do it now if you prefer."))
          .scenario(
              Scenario.problem()
                  .openings(
                      "Why am I being charged in USD? I'm in {targetRegion} and expected to pay in"
                          + " {targetName}.",
                      "my invoice suddenly shows dollars instead of {targetName}??")
                  .answers(
                      "The currency is set from the billing address when the subscription starts,"
                          + " and the workspace was created with a US address, so it defaulted to"
                          + " USD. I've switched it to {targetCurrency} from the next renewal on"
                          + " {periodEnd}. The current period stays in USD because it's already"
                          + " paid."))
          .escalations(
              "Changing the currency in the middle of an annual contract needs approval from"
                  + " finance. I've raised it as {ticket}; you'll get an e-mail within 2 business"
                  + " days with a new quote in {targetCurrency}.")
          .pendings(
              "I can switch it, but our records still have a US billing address. Could you update"
                  + " it under Settings > Billing > Company details first? Reply here once that's"
                  + " done and I'll change the currency.");
    }

    private static Playbook trialEnding() {
      return new Playbook("trial_ending", 6)
          .scenario(
              Scenario.request()
                  .withoutEscalation()
                  .withoutPending()
                  .openings(
                      "My trial ends on {trialEnd}. What happens if I don't add a card?",
                      "trial expires soon - will i be charged automatically?")
                  .answers(
                      "Nothing is charged automatically - the trial doesn't need a card. On"
                          + " {trialEnd} the workspace moves to the Free plan unless you pick a paid"
                          + " plan. Your projects stay, but {plan} features such as timeline view"
                          + " and guest access switch off. You can upgrade any time under Settings"
                          + " > Billing > Plan.")
                  .followUp(
                      "Do we keep everything we created during the trial?",
                      "Yes, all projects, tasks and files stay. Only the paid features turn off"
                          + " until you upgrade.")
                  .followUp(
                      "Can I choose annual billing when I convert?",
                      "Yes. When you pick a plan, switch the toggle to Annual - it's 20% cheaper"
                          + " than paying monthly."))
          .scenario(
              Scenario.request()
                  .openings(
                      "Could we get a few more days of trial? Our manager is out this week and"
                          + " can't approve the purchase until Monday.",
                      "is it possible to extend the trial? we haven't had time to test {plan}"
                          + " properly")
                  .answers(
                      "I've extended your trial by 7 days, so it now ends on {trialExtended}."
                          + " You'll get a reminder e-mail three days before. If you'd like help"
                          + " setting up a proper evaluation, the guides under Help > Getting"
                          + " started are a good place to begin."))
          .scenario(
              Scenario.problem()
                  .withoutEscalation()
                  .withoutPending()
                  .openings(
                      "I was charged {amount} when my trial ended. I thought trials were free?",
                      "the trial converted and charged my card, I didn't want that")
                  .answers(
                      "You added a card during the trial, and in that case the subscription starts"
                          + " automatically when the trial ends. The reminder e-mail mentions it,"
                          + " but it's easy to miss. Since the charge was on {date}, I've refunded"
                          + " the full {amount} and moved the workspace to the Free plan. The refund"
                          + " takes 5-10 business days."))
          .escalations(
              "A trial can only be extended once from chat, and yours has been extended already."
                  + " I've asked our sales team to review it (ticket {ticket}); they can set up a"
                  + " longer pilot and will reach out within 1 business day.")
          .pendings(
              "I can extend it, but extensions have to be requested by the workspace owner. Could"
                  + " you ask them to send a quick message from their account? I'll approve it"
                  + " straight away.");
    }

    private static Playbook discountNotApplied() {
      return new Playbook("discount_not_applied", 6)
          .scenario(
              Scenario.problem()
                  .openings(
                      "I used the code {code} when upgrading but I was charged the full {amount}.",
                      "promo code {code} didn't work?? it says valid until end of month",
                      "Discount code {code} was not applied to my invoice {invoice}.")
                  .clarify(
                      "Do you remember where you entered the code - on the checkout page, or later"
                          + " under Billing?",
                      "on the checkout page, there was a box for it")
                  .answers(
                      "The code was entered, but the checkout page didn't register it before the"
                          + " payment. I've applied {code} ({codePct}% off) to your subscription and"
                          + " refunded the difference on {invoice}, {discountValue} (reference"
                          + " {ref}). Future invoices show the discount until it expires.",
                      "{code} only applies to new subscriptions, and your workspace already had an"
                          + " active plan, so the system skipped it. As a one-off, I've added a"
                          + " {codePct}% credit of {discountValue} to your account; it's deducted"
                          + " from your next invoice automatically.")
                  .followUp(
                      "Will the discount apply to new seats too?",
                      "Yes, it applies to the whole subscription, including seats you add later,"
                          + " until it expires.")
                  .followUp(
                      "how long does the code last?",
                      "{code} gives {codePct}% off for the first 3 billing cycles. After that the"
                          + " regular price applies - we'll remind you by e-mail a week before."))
          .scenario(
              Scenario.problem()
                  .withoutEscalation()
                  .withoutPending()
                  .openings(
                      "I had a {codePct}% discount last year but it's gone from this year's invoice."
                          + " Why?",
                      "our discount disappeared from {invoice}, nobody told us it would end")
                  .answers(
                      "Introductory discounts run for the first 12 months only. Yours ended on"
                          + " {date}, so the renewal was billed at the regular price. If the budget"
                          + " is tight, switching to annual billing saves 20% and would bring the"
                          + " cost down to {annualAmount} a year."))
          .escalations(
              "That code was issued by a partner, so I can't apply it from here. I've forwarded it"
                  + " to our partnerships team as {ticket}; they'll confirm the discount and adjust"
                  + " your invoice within 2 business days.")
          .pendings(
              "I can't find {code} in our system. Could you forward the e-mail or page where you got"
                  + " it? Once I know where it came from, I can check whether it's still valid.");
    }

    private static Playbook receiptMissing() {
      return new Playbook("receipt_missing", 6)
          .scenario(
              Scenario.problem()
                  .openings(
                      "I'm not getting receipt emails anymore after payments. Last one was months"
                          + " ago.",
                      "didn't receive the receipt for the payment on {date}",
                      "Where are my receipts? Our bookkeeper needs them every month.")
                  .clarify(
                      "Let me check. Should the receipts go to your login e-mail or to a separate"
                          + " billing address?",
                      "to our billing address, the one we set up in the billing settings")
                  .answers(
                      "Receipts go to the billing contacts under Settings > Billing > Billing"
                          + " contacts, and that list was empty, so nothing was sent. I've re-sent"
                          + " the receipt for {date} to the workspace owner. Add the right address"
                          + " to Billing contacts and future receipts will go there automatically.",
                      "I checked our mail logs: the receipts were delivered, but your mail server"
                          + " put them in quarantine, probably because of the PDF attachment. Ask"
                          + " your IT team to allow mail from our billing sender, or download"
                          + " receipts any time under Settings > Billing > Invoices. I've re-sent"
                          + " the one for {invoice} just now.")
                  .followUp(
                      "Can the receipt include our PO number?",
                      "Yes. Add it under Settings > Billing > Company details > Reference and it's"
                          + " printed on every receipt and invoice from then on.")
                  .followUp(
                      "can you resend the last three as well?",
                      "Done - the receipts for the last three payments are on their way. They may"
                          + " take a few minutes to arrive."))
          .escalations(
              "Our mail logs show bounces from your domain for every billing e-mail since {date}."
                  + " I've opened ticket {ticket} with our deliverability team to find out why; in"
                  + " the meantime you can download every receipt from Settings > Billing >"
                  + " Invoices.")
          .pendings(
              "I've re-sent the receipt. Could you check your spam or quarantine folder and let me"
                  + " know within the next hour whether it arrived? If not, I'll dig into the mail"
                  + " logs.");
    }

    private static Playbook annualVsMonthly() {
      return new Playbook("annual_vs_monthly", 5)
          .scenario(
              Scenario.request()
                  .openings(
                      "What's the difference in price between annual and monthly for {plan}? We"
                          + " have {seats} users.",
                      "is annual billing cheaper?",
                      "Thinking about switching to yearly billing. How much would we save?")
                  .answers(
                      "Annual billing is 20% cheaper. For {seats} seats on {plan}, monthly comes to"
                          + " {monthly12} a year, while annual is {annualAmount} paid upfront - a"
                          + " saving of {annualSaving}. You can switch under Settings > Billing >"
                          + " Plan > Billing period; the unused part of your current month is"
                          + " credited automatically.")
                  .followUp(
                      "Can we pay the annual invoice by bank transfer?",
                      "Yes. On annual plans you can choose Pay by invoice at checkout; the invoice"
                          + " has our bank details and is due within 30 days.")
                  .followUp(
                      "Do we get a refund if we cancel the annual plan early?",
                      "Within 14 days of the charge you get a full refund. After that, annual plans"
                          + " can be refunded for the unused months on request."))
          .scenario(
              Scenario.request()
                  .withoutEscalation()
                  .withoutPending()
                  .openings(
                      "If we go annual, can we add people during the year?",
                      "annual plan question: what happens when new people join mid year?")
                  .answers(
                      "Yes. Members added during the year are charged a prorated amount for the"
                          + " remaining months of the term, on a separate invoice. Removing seats"
                          + " mid-term doesn't lower the annual price, but you can reduce the seat"
                          + " count at renewal."))
          .scenario(
              Scenario.request()
                  .withoutEscalation()
                  .withoutPending()
                  .openings(
                      "Can we switch from annual back to monthly later?",
                      "if we pay yearly now, are we locked in forever?")
                  .answers(
                      "You can switch at the end of the annual term. Go to Settings > Billing >"
                          + " Plan > Billing period and choose Monthly; the change is scheduled for"
                          + " the renewal date, and from then on you pay {amount} a month for"
                          + " {seats} seats. Switching mid-term isn't possible because the year is"
                          + " paid upfront."))
          .escalations(
              "For more than 50 seats on annual billing we offer custom pricing, so I've passed your"
                  + " details to our sales team (ticket {ticket}). They'll send you a quote within 1"
                  + " business day.")
          .pendings(
              "Happy to prepare an annual quote. How many seats do you expect to need at the start"
                  + " of the term? Let me know and I'll send a PDF you can share with finance.");
    }

    private static Playbook removePaymentMethod() {
      return new Playbook("remove_payment_method", 4)
          .scenario(
              Scenario.request()
                  .openings(
                      "How do I remove my card from the account? We're on the free plan now.",
                      "Please delete the saved card ending {last4}, we don't pay for {product}"
                          + " anymore")
                  .answers(
                      "On the Free plan there's nothing to charge, so you can remove the card under"
                          + " Settings > Billing > Payment method > Remove. It's deleted from our"
                          + " payment processor too - we never store full card numbers ourselves.",
                      "Done - I've removed the card ending {last4}. Since the workspace is on the"
                          + " Free plan, no further charges can happen. If you upgrade later, you'll"
                          + " be asked for a card again.")
                  .followUp(
                      "Is my card data deleted completely?",
                      "Yes. Card details are stored by our payment processor, not by us, and"
                          + " removing the card deletes them there as well. Past invoices keep only"
                          + " the last four digits."))
          .scenario(
              Scenario.request()
                  .openings(
                      "I want to remove my personal credit card and have the company card used"
                          + " instead.",
                      "My personal card is still on the workspace from when I signed up. How do I"
                          + " take it off and put the company one on?")
                  .answers(
                      "A paid workspace always needs a card on file, so the Remove button only"
                          + " appears once there's a replacement. Add the company card first under"
                          + " Settings > Billing > Payment method > Add card, make it the default,"
                          + " and then remove your personal card ending {last4}. The next invoice on"
                          + " {periodEnd} is charged to the company card.")
                  .followUp(
                      "will removing the card cancel my subscription?",
                      "No, and on a paid plan you can't remove the only card - you'd need to cancel"
                          + " the plan first under Settings > Billing > Plan."))
          .escalations(
              "The card is still linked to an open invoice ({invoice}), so I can't remove it until"
                  + " that's settled. I've asked our billing team to review the invoice (ticket"
                  + " {ticket}); once it's closed they'll remove the card and confirm by e-mail.")
          .pendings(
              "I can remove it, but only the workspace owner can change payment methods. Could you"
                  + " ask them to reply here, or remove it themselves under Settings > Billing >"
                  + " Payment method?");
    }
  }
}
