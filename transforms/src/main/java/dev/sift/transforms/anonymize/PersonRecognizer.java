package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * People's names, from four kinds of evidence, strongest first:
 *
 * <ol>
 *   <li>names the record itself declares (speaker names, name fields of its metadata), in any case;
 *   <li>a cue just before a word: an introduction ("my name is", "I'm", "this is"), a greeting or
 *       thanks ("Hi", "Dear", "Thanks"), a title ("Mr.", "Dr"), a relation ("my colleague", "spoke
 *       with"), or a sign-off line ("Best regards," then the name on the next line);
 *   <li>a capitalised word of the shipped given-name list that is not also an everyday word;
 *   <li>a capitalised word right after a name found so far: the family name.
 * </ol>
 *
 * After an introduction a lower-case given name counts too ("my name is john smith"). Everyday
 * words that take a capital at the start of a sentence or in a greeting ("Hi there", "Thanks
 * again", "This is Support") are never names.
 */
final class PersonRecognizer {
  private static final int MAX_NAME_WORDS = 4;
  private static final List<String> CONTRACTION_ENDS =
      List.of("'ll", "'d", "'ve", "'re", "'m", "n't", "’ll", "’d", "’ve", "’re", "’m", "n’t");
  private static final Pattern CUE_GAP = Pattern.compile("[ \\t]*[,:]?[ \\t]*\\n?");
  private static final Pattern TITLE_GAP = Pattern.compile("\\.?[ \\t]+");
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "mx", "prof");
  private static final Pattern PHRASE_GAP = Pattern.compile("[ \\t]+|'");

  /** The longest cue phrase, in characters with its gaps: longer stretches are not looked at. */
  private static final int MAX_CUE_GAP = 8;

  private static final Pattern ENDS_INTRODUCTION = Pattern.compile("\\s*[,.!;:)\\n]");
  private static final Pattern INTRODUCTION_GOES_ON =
      Pattern.compile("\\s+(?:from|with|at|here|and|speaking|calling|again)\\b");

  private static final Set<String> INTRODUCTIONS =
      Set.of(
          "my name is",
          "name is",
          "my name's",
          "name's",
          "call me",
          "i am",
          "i'm",
          "im",
          "this is",
          "it's",
          "it is");
  private static final Set<String> CUES =
      Set.of(
          "hi",
          "hello",
          "hey",
          "dear",
          "thanks",
          "thank you",
          "thx",
          "ty",
          "many thanks",
          "good morning",
          "good afternoon",
          "good evening",
          "morning",
          "bye",
          "goodbye",
          "cheers",
          "welcome",
          "sorry",
          "congrats",
          "mr",
          "mrs",
          "ms",
          "miss",
          "dr",
          "mx",
          "prof",
          "sir",
          "madam",
          "speaking with",
          "chatting with",
          "spoke with",
          "spoke to",
          "speak with",
          "speak to",
          "talked to",
          "talked with",
          "talking to",
          "talking with",
          "ask for",
          "asked for",
          "named",
          "called",
          "cc",
          "signed",
          "attn",
          "attention",
          "my colleague",
          "my manager",
          "my supervisor",
          "my boss",
          "my wife",
          "my husband",
          "my partner",
          "my son",
          "my daughter",
          "my friend",
          "my brother",
          "my sister",
          "my mother",
          "my father",
          "my mom",
          "my mum",
          "my dad",
          "my coworker",
          "my co-worker",
          "agent",
          "colleague",
          "technician",
          "representative",
          "rep",
          "customer",
          "account holder",
          "cardholder",
          "recipient",
          "addressed to",
          "deliver to",
          "ship to");

  /** Cues after which a name is addressed: "Hi Maria," but not "Hi, got an e-mail". */
  private static final Set<String> GREETINGS =
      Set.of(
          "hi",
          "hello",
          "hey",
          "dear",
          "thanks",
          "thank you",
          "thx",
          "ty",
          "many thanks",
          "good morning",
          "good afternoon",
          "good evening",
          "morning",
          "bye",
          "goodbye",
          "cheers",
          "welcome",
          "sorry",
          "congrats");

  /** Words after which a capitalised word names a team or a company, not a person. */
  private static final Set<String> ORGANISATION_WORDS =
      Set.of(
          "team",
          "support",
          "billing",
          "department",
          "dept",
          "desk",
          "group",
          "services",
          "service",
          "inc",
          "ltd",
          "llc",
          "gmbh",
          "corp",
          "company",
          "app",
          "labs",
          "studio",
          "media",
          "analytics",
          "logistics",
          "consulting",
          "tutors",
          "store",
          "shop",
          "bank");

  private static final Pattern VOCATIVE_END = Pattern.compile("[ \\t]*(?:[,.!?;:)\\n]|$)");

  private static final Set<String> CLOSINGS =
      Set.of(
          "thanks",
          "thank you",
          "thanks again",
          "many thanks",
          "best",
          "best regards",
          "regards",
          "kind regards",
          "warm regards",
          "warmly",
          "cheers",
          "sincerely",
          "yours",
          "yours truly",
          "take care",
          "all the best",
          "with thanks",
          "respectfully",
          "love");

  /** Capitalised words of greetings and sentence starts that are never names. */
  private static final Set<String> NEVER_NAMES =
      Set.of(
          "i",
          "you",
          "we",
          "they",
          "he",
          "she",
          "it",
          "me",
          "us",
          "them",
          "my",
          "your",
          "our",
          "his",
          "her",
          "their",
          "the",
          "a",
          "an",
          "this",
          "that",
          "these",
          "those",
          "there",
          "here",
          "again",
          "all",
          "everyone",
          "everybody",
          "anyone",
          "someone",
          "team",
          "support",
          "customer",
          "customers",
          "service",
          "services",
          "sales",
          "billing",
          "shipping",
          "account",
          "accounts",
          "help",
          "helpdesk",
          "desk",
          "bot",
          "assistant",
          "agent",
          "ai",
          "user",
          "admin",
          "manager",
          "folks",
          "guys",
          "friend",
          "friends",
          "so",
          "very",
          "much",
          "for",
          "and",
          "or",
          "but",
          "not",
          "yes",
          "no",
          "ok",
          "okay",
          "sure",
          "great",
          "good",
          "well",
          "now",
          "then",
          "also",
          "just",
          "please",
          "thanks",
          "thank",
          "hi",
          "hello",
          "hey",
          "dear",
          "morning",
          "afternoon",
          "evening",
          "night",
          "today",
          "tomorrow",
          "yesterday",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "july",
          "september",
          "october",
          "november",
          "december",
          "sir",
          "madam",
          "ma'am",
          "mr",
          "mrs",
          "ms",
          "dr",
          "miss",
          "mx",
          "prof",
          "in",
          "on",
          "at",
          "to",
          "of",
          "by",
          "with",
          "from",
          "as",
          "if",
          "is",
          "are",
          "was",
          "be",
          "am",
          "do",
          "did",
          "does",
          "have",
          "has",
          "had",
          "can",
          "could",
          "would",
          "should",
          "will",
          "may",
          "might",
          "must",
          "what",
          "when",
          "where",
          "why",
          "how",
          "who",
          "which",
          "sorry",
          "welcome",
          "bye",
          "goodbye",
          "cheers",
          "regards",
          "best",
          "kind",
          "warm",
          "sincerely",
          "love",
          "happy",
          "glad",
          "afraid",
          "trying",
          "having",
          "looking",
          "calling",
          "writing",
          "still",
          "unable",
          "really",
          "currently",
          "going",
          "back",
          "done",
          "new",
          "order",
          "orders",
          "invoice",
          "refund",
          "payment",
          "card",
          "email",
          "phone",
          "number",
          "password",
          "address",
          "premium",
          "pro",
          "plus",
          "basic",
          "free",
          "app",
          "web",
          "online",
          "store",
          "shop",
          "center",
          "centre",
          "office",
          "inc",
          "ltd",
          "llc",
          "corp",
          "company",
          "bank",
          "acme",
          "english",
          "french",
          "german",
          "spanish",
          "ssn",
          "dob",
          "iban",
          "api",
          "id",
          "vip",
          "faq",
          "ceo",
          "it's",
          "i'm",
          "we're",
          "you're",
          "let's",
          "that's",
          "what's",
          "there's",
          "here's",
          "can't",
          "don't",
          "won't",
          "isn't",
          "didn't",
          "doesn't",
          "wasn't",
          "aren't",
          "couldn't",
          "wouldn't",
          "shouldn't");

  private final NameLexicon lexicon = NameLexicon.get();

  /**
   * Adds the names in {@code text} to {@code found}. {@code known}: lower-case name words the
   * record declares or earlier turns revealed.
   */
  void find(String text, Set<String> known, List<Span> found) {
    List<Word> words = words(text);
    boolean[] name = new boolean[words.size()];
    for (int i = 0; i < words.size(); i++) {
      name[i] = startsName(text, words, i, known);
    }
    extendToFamilyNames(text, words, name);
    addSpans(text, words, name, found);
  }

  private boolean startsName(String text, List<Word> words, int i, Set<String> known) {
    Word word = words.get(i);
    String lower = word.lower;
    if (!word.capitalised && !known.contains(lower) && !lexicon.isFirstName(lower)) {
      return false; // Only an introduced given name or a declared name is written in lower case.
    }
    if (NEVER_NAMES.contains(lower) || lower.length() < 2 || isContraction(lower)) {
      return false;
    }
    boolean ambiguous = lexicon.isAmbiguous(lower);
    if (known.contains(lower)) {
      return word.capitalised || !ambiguous;
    }
    String cue = cueBefore(text, words, i);
    if (cue != null && INTRODUCTIONS.contains(cue)) {
      return introduced(text, words, i);
    }
    if (cue != null) {
      return word.capitalised
          && !beforeOrganisationWord(text, words, i)
          && (!GREETINGS.contains(cue) || vocative(text, words, i));
    }
    if (signedOff(text, words, i)) {
      return word.capitalised;
    }
    return word.capitalised && lexicon.isFirstName(lower) && !ambiguous;
  }

  /**
   * After "my name is" a lower-case listed given name counts; after "I'm" or "this is" an unlisted
   * capitalised word counts only when what follows reads like a name ("I'm Chidi from billing").
   */
  private boolean introduced(String text, List<Word> words, int i) {
    Word word = words.get(i);
    if (lexicon.isFirstName(word.lower) && !lexicon.isAmbiguous(word.lower)) {
      return true;
    }
    if (!word.capitalised) {
      return false;
    }
    String after = text.substring(word.end, Math.min(text.length(), word.end + 12));
    return after.isEmpty()
        || ENDS_INTRODUCTION.matcher(after).lookingAt()
        || INTRODUCTION_GOES_ON.matcher(after).lookingAt()
        || (i + 1 < words.size() && words.get(i + 1).capitalised && adjacent(text, words, i));
  }

  /** A greeted name ends its phrase ("Hi Maria," "Thanks, Carlos!") or goes on as a full name. */
  private static boolean vocative(String text, List<Word> words, int i) {
    Word word = words.get(i);
    if (VOCATIVE_END.matcher(text).region(word.end, text.length()).lookingAt()) {
      return true;
    }
    return i + 1 < words.size() && words.get(i + 1).capitalised && adjacent(text, words, i);
  }

  /** "Finance team", "Quillstack Billing Team", "Kestrel Labs": an organisation's name. */
  private static boolean beforeOrganisationWord(String text, List<Word> words, int i) {
    for (int next = i + 1; next < words.size() && next <= i + 2; next++) {
      if (!adjacent(text, words, next - 1)) {
        return false;
      }
      if (ORGANISATION_WORDS.contains(words.get(next).lower)) {
        return true;
      }
    }
    return false;
  }

  /** The cue phrase (one to three words, lower case) right before word {@code i}, or null. */
  private static String cueBefore(String text, List<Word> words, int i) {
    String phrase = null;
    String candidate = "";
    for (int back = 1; back <= 3 && i - back >= 0; back++) {
      Word previous = words.get(i - back);
      Word next = words.get(i - back + 1);
      if (next.start - previous.end > MAX_CUE_GAP) {
        break;
      }
      String gap = text.substring(previous.end, next.start);
      Pattern allowed =
          back > 1 ? PHRASE_GAP : TITLES.contains(previous.lower) ? TITLE_GAP : CUE_GAP;
      if (!allowed.matcher(gap).matches()) {
        break;
      }
      candidate = back == 1 ? previous.lower : previous.lower + gap + candidate;
      String normalised = candidate.replace('’', '\'');
      if (CUES.contains(normalised) || INTRODUCTIONS.contains(normalised)) {
        phrase = normalised;
      }
    }
    return phrase;
  }

  /**
   * The word starts a short line that follows a closing such as "Best regards," or starts with
   * "--", and the line does not name a team ("Quillstack Billing Team").
   */
  private static boolean signedOff(String text, List<Word> words, int i) {
    Word word = words.get(i);
    if (!startsLine(text, word.start)) {
      return false;
    }
    int lineStart = text.lastIndexOf('\n', word.start - 1) + 1;
    int lineEnd = text.indexOf('\n', word.start);
    String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
    if (line.split("\\s+").length > 4 || beforeOrganisationWord(text, words, i)) {
      return false;
    }
    String before = text.substring(lineStart, word.start).strip();
    if (before.equals("--") || before.equals("—")) {
      return true;
    }
    if (!before.isEmpty() || lineStart == 0) {
      return false;
    }
    int previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    String previous = text.substring(previousStart, lineStart - 1).strip().toLowerCase(Locale.ROOT);
    int end = previous.length();
    while (end > 0 && ",.!".indexOf(previous.charAt(end - 1)) >= 0) {
      end--;
    }
    String closing = previous.substring(0, end);
    // The closing may end a longer line: "Reset done. Best regards,".
    int sentence =
        Math.max(
            closing.lastIndexOf(". "),
            Math.max(closing.lastIndexOf("! "), closing.lastIndexOf("? ")));
    return CLOSINGS.contains(closing.substring(sentence < 0 ? 0 : sentence + 2));
  }

  /** Only blanks or a dash stand between the line's start and {@code at}. */
  private static boolean startsLine(String text, int at) {
    for (int i = at - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '-' && c != '—') {
        return false;
      }
    }
    return true;
  }

  /** Marks capitalised words glued to a name ("Jane Doe", "Chidi Okafor") as part of it. */
  private void extendToFamilyNames(String text, List<Word> words, boolean[] name) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (!name[i] || name[i + 1] || !adjacent(text, words, i)) {
        continue;
      }
      int run = 1;
      while (i - run >= 0 && name[i - run]) {
        run++;
      }
      Word next = words.get(i + 1);
      boolean family =
          next.capitalised
              ? !NEVER_NAMES.contains(next.lower) && !lexicon.isAmbiguous(next.lower)
                  || lexicon.isLastName(next.lower)
              : lexicon.isLastName(next.lower) && !words.get(i).capitalised;
      if (family && run < MAX_NAME_WORDS) {
        name[i + 1] = true;
      }
    }
  }

  private static boolean adjacent(String text, List<Word> words, int i) {
    int end = words.get(i).end;
    return words.get(i + 1).start == end + 1 && text.charAt(end) == ' ';
  }

  private static void addSpans(String text, List<Word> words, boolean[] name, List<Span> found) {
    for (int i = 0; i < words.size(); i++) {
      if (!name[i]) {
        continue;
      }
      int last = i;
      while (last + 1 < words.size() && name[last + 1] && adjacent(text, words, last)) {
        last++;
      }
      int end = words.get(last).end;
      if (text.startsWith("'s", end - 2) || text.startsWith("’s", end - 2)) {
        end -= 2; // "Maria's order": the possessive is not part of the name.
      }
      found.add(new Span(words.get(i).start, end, EntityType.PERSON));
      i = last;
    }
  }

  /** The words: a letter, then letters, marks, apostrophes and hyphens. */
  private static List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int c = text.codePointAt(i);
      if (!Character.isLetter(c)) {
        i += Character.charCount(c);
        continue;
      }
      int start = i;
      i += Character.charCount(c);
      while (i < n) {
        int next = text.codePointAt(i);
        if (!Character.isLetter(next)
            && !isMark(next)
            && next != '\''
            && next != '’'
            && next != '-') {
          break;
        }
        i += Character.charCount(next);
      }
      words.add(new Word(start, i, text.substring(start, i)));
    }
    return words;
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** "I'll", "we've", "didn't": an apostrophe that shortens a word, not one inside a name. */
  private static boolean isContraction(String lower) {
    if (lower.indexOf('\'') < 0 && lower.indexOf('’') < 0) {
      return false;
    }
    return lower.startsWith("i'")
        || lower.startsWith("i’")
        || CONTRACTION_ENDS.stream().anyMatch(lower::endsWith);
  }

  /** "Maria's" is looked up as "Maria". */
  static String withoutPossessive(String word) {
    int n = word.length();
    boolean possessive =
        n > 2
            && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')
            && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '’');
    return possessive ? word.substring(0, n - 2) : word;
  }

  /** A word of the text, with the facts the rules ask of it. */
  private static final class Word {
    final int start;
    final int end;
    final String lower;
    final boolean capitalised;

    Word(int start, int end, String text) {
      this.start = start;
      this.end = end;
      this.lower = withoutPossessive(text).toLowerCase(Locale.ROOT);
      this.capitalised =
          Character.isUpperCase(text.charAt(0))
              && (text.length() == 1 || !text.equals(text.toUpperCase(Locale.ROOT)));
    }
  }
}
