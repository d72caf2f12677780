package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
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

  /** Months and their abbreviations, in lower case: "Jan", "April" and "June" are names too. */
  private static final Set<String> MONTH_WORDS =
      Set.of(
          "jan",
          "feb",
          "mar",
          "apr",
          "may",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec",
          "january",
          "february",
          "march",
          "april",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  /** Lower-case words inside family names: "de Souza", "van der Berg", "bin Said", "dos Santos". */
  private static final Set<String> PARTICLES =
      Set.of(
          "de", "da", "do", "dos", "das", "di", "du", "del", "della", "van", "von", "der", "den",
          "ter", "ten", "la", "le", "bin", "ibn", "al", "el");

  private static final List<String> CONTRACTION_ENDS =
      List.of("'ll", "'d", "'ve", "'re", "'m", "n't", "’ll", "’d", "’ve", "’re", "’m", "n’t");
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "mx", "prof");

  /** The longest cue phrase, in characters with its gaps: longer stretches are not looked at. */
  private static final int MAX_CUE_GAP = 8;

  private static final Pattern ENDS_INTRODUCTION = Pattern.compile("\\s*[,.!;:)\\n]");
  private static final Pattern INTRODUCTION_GOES_ON =
      Pattern.compile("\\s+(?:from|with|at|here|and|speaking|calling|again)\\b");
  private static final Pattern CALLER_GOES_ON =
      Pattern.compile("\\s+(?:from|here|speaking|calling|again)\\b");

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

  /** The introductions after which only a name can come, even in lower case. */
  private static final Set<String> NAMING = Set.of("my name is", "my name's");

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
          "looped in",
          "loop in",
          "looping in",
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
          "contact is",
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

  /** How far back a greeting may open the clause that ends with the name it addresses. */
  private static final int MAX_CLAUSE_WORDS = 10;

  /** Words before which a given name is a place's: "our Sydney warehouse", "in Austin". */
  private static final Set<String> PLACE_LEADS =
      Set.of("our", "your", "their", "the", "in", "near");

  /** Nouns that name a place by the word after "of": "the city of Houston". */
  private static final Set<String> PLACE_NOUNS =
      Set.of("city", "town", "village", "capital", "state", "county", "province", "suburb");

  /**
   * Capitalised words that open a place's name, whose next word is no person's: "San Francisco",
   * "Los Angeles", "Santa Monica", "St. Louis", "Lake Charles". Left out, as given names too: Isla,
   * Monte, Santo.
   */
  private static final Set<String> PLACE_PREFIXES =
      Set.of(
          "san", "santa", "são", "sao", "los", "las", "saint", "st", "fort", "port", "mount", "mt",
          "lake", "cape", "puerto", "porto");

  /** Cues that open a line listing people: "cc: Sanjay Park, Kenji". */
  private static final Set<String> LIST_CUES = Set.of("cc", "bcc", "attn");

  /** What a person is kept: "keep Vikram posted". */
  private static final Set<String> KEPT = Set.of("posted", "updated", "informed", "copied");

  /**
   * Words after which a capitalised word names a team, a company or an institution, not a person
   * ("Kestrel Labs", "Stanford University", "Le Meridien Hotel").
   */
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
          "bank",
          "partners",
          "associates",
          "sons",
          "finance",
          "legal",
          "marketing",
          "engineering",
          "operations",
          "procurement",
          "university",
          "college",
          "school",
          "academy",
          "institute",
          "museum",
          "gallery",
          "library",
          "hospital",
          "clinic",
          "hotel",
          "restaurant",
          "bistro",
          "cafe",
          "café",
          "club",
          "foundation",
          "conference",
          "stadium",
          "airport",
          "zoo",
          "theatre",
          "theater",
          "cathedral");

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
          "love",
          "best wishes",
          "thanks so much",
          "thank you so much",
          "have a great day",
          "have a good day",
          "have a nice day",
          "have a great weekend",
          "have a good weekend",
          "have a nice weekend",
          "speak soon",
          "talk soon");

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
          "irish",
          "scottish",
          "british",
          "american",
          "canadian",
          "australian",
          "italian",
          "dutch",
          "swiss",
          "russian",
          "greek",
          "swedish",
          "norwegian",
          "finnish",
          "mexican",
          "brazilian",
          "indian",
          "chinese",
          "japanese",
          "korean",
          "african",
          "european",
          "asian",
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

  /** Flags of the word table: the lists a lower-case word is in. */
  private static final int GIVEN = 1;

  private static final int FAMILY = 1 << 1;
  private static final int AMBIGUOUS = 1 << 2;
  private static final int NEVER = 1 << 3;
  private static final int ORGANISATION = 1 << 4;

  /** The word may end a cue phrase: no cue is looked for before a word after any other. */
  private static final int CUE_END = 1 << 5;

  /**
   * The word may come before a blank or an apostrophe in a cue phrase: a cue is not read further
   * back than a word that is not.
   */
  private static final int CUE_LEAD = 1 << 6;

  /** A month or its abbreviation ({@link #MONTH_WORDS}). */
  private static final int MONTH = 1 << 7;

  /** A lower-case word inside family names ({@link #PARTICLES}). */
  private static final int PARTICLE = 1 << 8;

  /** A country, continent or region ({@link NameLexicon#places}). */
  private static final int PLACE = 1 << 9;

  /** A word before which a given name is a place's ({@link #PLACE_LEADS}). */
  private static final int PLACE_LEAD = 1 << 10;

  /** A word that opens a place's name ({@link #PLACE_PREFIXES}). */
  private static final int PLACE_PREFIX = 1 << 11;

  /** A noun that names a place by the word after "of" ({@link #PLACE_NOUNS}). */
  private static final int PLACE_NOUN = 1 << 12;

  /** Flags of the words that may stand before a name without being its given name. */
  private static final int NOT_BEFORE_A_NAME =
      NEVER
          | AMBIGUOUS
          | ORGANISATION
          | PLACE
          | MONTH
          | CUE_END
          | CUE_LEAD
          | PLACE_LEAD
          | PLACE_PREFIX
          | PLACE_NOUN;

  /** Flags of a word in a text, beside its lists. */
  private static final int CAPITALISED = 1 << 16;

  private static final int APOSTROPHE = 1 << 17;

  private static final WordTable TABLE = table(NameLexicon.get());

  /**
   * Adds the names in {@code text} to {@code found}. {@code known}: lower-case name words the
   * record declares or earlier turns revealed.
   */
  void find(ScannedText scanned, Known known, List<Span> found) {
    String text = scanned.value();
    Words words = scanned.words();
    boolean[] name = new boolean[words.size()];
    boolean any = false;
    for (int i = 0; i < words.size(); i++) {
      name[i] = startsName(text, words, i, known);
      any |= name[i];
    }
    words.nameStarts = name.clone();
    if (any) { // Every further step grows or drops names that start somewhere.
      extendNames(text, words, name);
      addSpans(text, words, name, found);
    }
  }

  /**
   * As {@link #find} on a text searched before with fewer names known: {@code added} are the names
   * {@code known} has beyond those, and only the words they are can start a name differently. When
   * none does, adds nothing and returns false: the first search's names stand.
   */
  boolean findAgain(ScannedText scanned, Known known, Known added, List<Span> found) {
    String text = scanned.value();
    Words words = scanned.words();
    boolean[] name = words.nameStarts;
    for (int i = 0; i < words.size(); i++) {
      if (added.contains(words, i) && startsName(text, words, i, known) != name[i]) {
        if (name == words.nameStarts) {
          name = name.clone();
        }
        name[i] = !name[i];
      }
    }
    if (name == words.nameStarts) {
      return false;
    }
    extendNames(text, words, name);
    addSpans(text, words, name, found);
    return true;
  }

  /**
   * From the words that start a name, the words of every name: family names, then peers; less the
   * names of institutions.
   */
  private static void extendNames(String text, Words words, boolean[] name) {
    extendToFamilyNames(text, words, name);
    while (joinPeers(text, words, name)) {
      extendToFamilyNames(text, words, name);
    }
    extendToGivenNames(text, words, name);
    dropInstitutions(text, words, name);
  }

  /**
   * Marks a capitalised word glued before a name as its given name where the rules did not take it
   * alone: "Mahershala Ali", "Kawhi Leonard". Only a word that may be a name, and is no cue, no
   * word a sentence or a place's name opens with ("Hi Sarah", "Although Sarah", "Will Sarah",
   * "South Dakota"), no month and no institution's.
   */
  private static void extendToGivenNames(String text, Words words, boolean[] name) {
    for (int i = words.size() - 1; i > 0; i--) {
      int before = i - 1;
      if (!name[i]
          || name[before]
          || !adjacent(text, words, before)
          || (words.flags(before) & (CAPITALISED | NOT_BEFORE_A_NAME)) != CAPITALISED
          || words.lowerLength(before) < 2
          || !mayBeName(words, before)
          || inPlaceName(text, words, before)
          || nameEnd(text, words, name, i) - i + 1 >= MAX_NAME_WORDS) {
        continue;
      }
      name[before] = true;
    }
  }

  /**
   * Marks capitalised words joined to a name by "and", "or" or "&" as names ("David Mazur and
   * Lars", "Aoife Demir and Chloé both"), and on a line a cc or attention cue opens, the items of
   * its list ("cc: Sanjay Park, Kenji"). Whether any word was marked.
   */
  private static boolean joinPeers(String text, Words words, boolean[] name) {
    boolean marked = false;
    for (int i = 0; i < words.size(); i++) {
      if (name[i] || !mayBePeerByFlags(words, i)) {
        continue;
      }
      int last = i;
      while (last + 1 < words.size()
          && last - i < 2
          && !name[last + 1]
          && adjacent(text, words, last)
          && mayBePeerByFlags(words, last + 1)) {
        last++;
      }
      boolean afterName =
          i > 0 && name[i - 1] && joins(text, words, i - 1, i)
              || i > 1 && name[i - 2] && joins(text, words, i - 2, i);
      boolean beforeName =
          last + 1 < words.size() && name[last + 1] && joins(text, words, last, last + 1)
              || last + 2 < words.size() && name[last + 2] && joins(text, words, last, last + 2);
      if (afterName || beforeName) {
        // Before a name, every word up to the joining word must be a name's. After one, the
        // leading words that may be are enough ("and Kanye West": West then joins as the family
        // name of Kanye).
        int prefixEnd = namePrefixEnd(text, words, i, last);
        int end = afterName || prefixEnd == last + 1 ? prefixEnd : i;
        if (end > i) {
          Arrays.fill(name, i, end, true);
          marked = true;
        }
      }
      i = last;
    }
    return marked;
  }

  /** What the flags tell of a peer: capitalised, and no word of a sentence start or a team's. */
  private static boolean mayBePeerByFlags(Words words, int i) {
    int flags = words.flags(i);
    return (flags & CAPITALISED) != 0 && (flags & (NEVER | ORGANISATION | PLACE)) == 0;
  }

  /**
   * Where the words from {@code first} to {@code last} that may each be a name's stop: {@code last
   * + 1} when all may, {@code first} when the first may not.
   */
  private static int namePrefixEnd(String text, Words words, int first, int last) {
    for (int i = first; i <= last; i++) {
      boolean contraction = (words.flags(i) & APOSTROPHE) != 0 && isContraction(words.lower(i));
      if (words.lowerLength(i) < 2
          || contraction
          || inDate(text, words, i)
          || !mayBeName(words, i)
          || inPlaceName(text, words, i)) {
        return i;
      }
    }
    return last + 1;
  }

  /**
   * Words {@code a} and {@code b} (one or two apart) are joined as peers: " and ", " or " or " & "
   * between them, or a comma on a list line ("cc: ...").
   */
  private static boolean joins(String text, Words words, int a, int b) {
    int from = words.end(a);
    int to = words.start(b);
    if (b == a + 2) {
      return (is(words, a + 1, "and") || is(words, a + 1, "or"))
          && from + 1 == words.start(a + 1)
          && text.charAt(from) == ' '
          && adjacent(text, words, a + 1);
    }
    String gap = text.substring(from, to);
    return gap.equals(" & ") || gap.equals(", ") && onListLine(text, words, a);
  }

  /** Word {@code i} is on a line that opens with "cc", "bcc" or "attn". */
  private static boolean onListLine(String text, Words words, int i) {
    int lineStart = text.lastIndexOf('\n', words.start(i)) + 1;
    for (int k = i; k >= 0 && words.start(k) >= lineStart; k--) {
      if (k == 0 || words.start(k - 1) < lineStart) {
        return LIST_CUES.contains(words.lower(k)) && startsLine(text, words.start(k));
      }
    }
    return false;
  }

  private static boolean startsName(String text, Words words, int i, Known known) {
    int flags = words.flags(i);
    boolean capitalised = (flags & CAPITALISED) != 0;
    boolean isKnown = known.contains(words, i);
    if (!capitalised && (flags & PARTICLE) != 0) {
      // "Dear Mr. de Souza": a titled family name may start with its particles.
      return TITLES.contains(String.valueOf(cueBefore(text, words, i)))
          && particlesBeforeFamilyName(text, words, i) > 0;
    }
    if (!capitalised && !isKnown && (flags & GIVEN) == 0) {
      // Neither listed nor declared, and in lower case: a name only where nothing else fits.
      return namedInLowerCase(text, words, i);
    }
    if (capitalised && initialledName(text, words, i)) {
      return true;
    }
    if ((flags & NEVER) != 0
        || words.lowerLength(i) < 2
        || (flags & APOSTROPHE) != 0 && isContraction(words.lower(i))
        || inDate(text, words, i)) {
      return false;
    }
    boolean ambiguous = (flags & AMBIGUOUS) != 0;
    if (capitalised && inPlaceName(text, words, i)) {
      return false; // Also a known name: "San Diego" tells nothing of a Diego.
    }
    if (isKnown && (capitalised || !ambiguous)) {
      return true;
    }
    String cue = cueBefore(text, words, i);
    if (cue != null && INTRODUCTIONS.contains(cue)) {
      return introduced(text, words, i, cue);
    }
    if (cue != null && capitalised && cuedName(text, words, i, i, cue)) {
      return true;
    }
    if (cue != null) {
      // "Many thanks,⏎Thandiwe de Souza": not greeted, but signed under a closing.
      return capitalised && signedOff(text, words, i);
    }
    if (capitalised && signedOff(text, words, i)) {
      return true;
    }
    if (capitalised
        && (flags & ORGANISATION) == 0
        && (addressedAfterGreeting(text, words, i)
            || fromTheirTeam(text, words, i)
            || inPersonSlot(text, words, i))
        && mayBeName(words, i)) {
      return true;
    }
    return capitalised
        && (flags & (GIVEN | PLACE)) == GIVEN
        && !ambiguous
        && !namesPlace(text, words, i);
  }

  /**
   * A given name that reads as a place: "in Austin", "our Sydney warehouse". A person's name takes
   * no determiner, nor "in" unless it owns something ("in Maria's inbox"). Nor is a person named as
   * a town is: "the city of Houston", or with the country or state after a comma ("Paris, France",
   * "Austin, Texas").
   */
  private static boolean namesPlace(String text, Words words, int i) {
    return i > 0
            && (words.flags(i - 1) & PLACE_LEAD) != 0
            && adjacent(text, words, i - 1)
            && !endsPossessive(text, words.end(i))
        || i > 1
            && is(words, i - 1, "of")
            && adjacent(text, words, i - 2)
            && adjacent(text, words, i - 1)
            && (words.flags(i - 2) & PLACE_NOUN) != 0
        || i + 1 < words.size()
            && (words.flags(i + 1) & (PLACE | CAPITALISED)) == (PLACE | CAPITALISED)
            && isCommaGap(text, words.end(i), words.start(i + 1))
            && !endsPossessive(text, words.end(i + 1));
  }

  /** "San Francisco", "St. Louis", "Santa Monica": a place prefix and the word after it. */
  private static boolean inPlaceName(String text, Words words, int i) {
    return i > 0 && opensPlaceName(text, words, i - 1)
        || (words.flags(i) & PLACE_PREFIX) != 0 && opensPlaceName(text, words, i);
  }

  /** Word {@code i} is a capitalised place prefix, a blank or ". " before a capitalised word. */
  private static boolean opensPlaceName(String text, Words words, int i) {
    if ((words.flags(i) & (PLACE_PREFIX | CAPITALISED)) != (PLACE_PREFIX | CAPITALISED)
        || i + 1 >= words.size()
        || !words.capitalised(i + 1)) {
      return false;
    }
    int gap = words.start(i + 1) - words.end(i);
    return gap == 1 && text.charAt(words.end(i)) == ' '
        || gap == 2 && text.startsWith(". ", words.end(i));
  }

  private static boolean endsPossessive(String text, int end) {
    return text.startsWith("'s", end - 2) || text.startsWith("’s", end - 2);
  }

  /**
   * Addressed at the end of a clause that opens with a greeting or thanks: "Thanks for getting in
   * touch, Ngozi." "Hello and welcome back, Kwame!"
   */
  private static boolean addressedAfterGreeting(String text, Words words, int i) {
    if (i == 0 || !isCommaGap(text, words.end(i - 1), words.start(i))) {
      return false;
    }
    int first = i - 1;
    while (!opensSentence(text, words, first)) {
      if (i - first >= MAX_CLAUSE_WORDS) {
        return false;
      }
      first--;
    }
    boolean greeting =
        GREETINGS.contains(words.lower(first))
            || first + 1 < i
                && adjacent(text, words, first)
                && GREETINGS.contains(words.lower(first) + " " + words.lower(first + 1));
    return greeting && vocative(text, words, i) && !beforeOrganisationWord(text, words, i);
  }

  /** A comma, then blanks on the same line. */
  private static boolean isCommaGap(String text, int from, int to) {
    return to - from >= 2 && text.charAt(from) == ',' && skipBlanks(text, from + 1, to) == to;
  }

  /** A sentence or line ends between two words. */
  private static boolean endsSentence(String text, int from, int to) {
    for (int at = from; at < to; at++) {
      char c = text.charAt(at);
      if (c == '.' || c == '!' || c == '?' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /**
   * A name the lists have, or a word that is no everyday word, nor a place: the rules that take
   * names the lists lack would otherwise take "Invoices from our billing team", "Thanks,
   * Unfortunately, ..." or "France and Italy".
   */
  private static boolean mayBeName(Words words, int i) {
    int flags = words.flags(i);
    return (flags & PLACE) == 0
        && ((flags & GIVEN) != 0 || !NameLexicon.isEverydayWord(words.lower(i)));
  }

  /**
   * The capitalised word {@code family} is a name's under the {@code cue} before word {@code
   * first}, the same word or the first of the name's initials: a title takes any word, another cue
   * a word that may be a name, and a greeting only one it addresses ("Hi Sam," not "Hi Sam's
   * team").
   */
  private static boolean cuedName(String text, Words words, int first, int family, String cue) {
    return (titles(words, first, cue) || mayBeCuedName(words, family))
        && !beforeOrganisationWord(text, words, family)
        && (!GREETINGS.contains(cue) || vocative(text, words, family));
  }

  /**
   * Word {@code i} is an initial or the family name of a name written with initials after a cue or
   * under a closing: "Dr. A. Brown", "Thanks, J.R. Okafor", "Regards,⏎J. Smith".
   */
  private static boolean initialledName(String text, Words words, int i) {
    int first = i;
    while (first > 0 && afterInitial(text, words, first - 1)) {
      first--;
    }
    int family = first;
    while (family + 1 < words.size() && afterInitial(text, words, family)) {
      family++;
    }
    if (family == first
        || words.lowerLength(family) < 2
        || (words.flags(family) & (CAPITALISED | NEVER | ORGANISATION | PLACE)) != CAPITALISED) {
      return false;
    }
    String cue = cueBefore(text, words, first);
    return cue != null ? cuedName(text, words, first, family, cue) : signedOff(text, words, first);
  }

  /** The cue before word {@code i} is a title: "Mr", "Dr.", and "Miss" with its capital. */
  private static boolean titles(Words words, int i, String cue) {
    return TITLES.contains(cue) || cue.equals("miss") && words.capitalised(i - 1);
  }

  /**
   * A word a cue other than a title may name: a listed name, or a word that is no everyday word nor
   * a place. "Dear Client", "Hello World", "Customer Reviews:" and "called Japan" name nobody;
   * after a title any capitalised word is a family name ("Mr. Flopsy").
   */
  private static boolean mayBeCuedName(Words words, int i) {
    return (words.flags(i) & (GIVEN | FAMILY)) != 0 || mayBeName(words, i);
  }

  /**
   * "Ananya from your team told me", "Kenji from the billing team", "Sven from support": from,
   * maybe "your", "the" or "our", maybe one more word, then a team's.
   */
  private static boolean fromTheirTeam(String text, Words words, int i) {
    int k = i + 1;
    if (k + 1 >= words.size() || !adjacent(text, words, i) || !is(words, k, "from")) {
      return false;
    }
    if (is(words, k + 1, "your") || is(words, k + 1, "the") || is(words, k + 1, "our")) {
      k++;
    }
    return beforeOrganisationWord(text, words, k);
  }

  /**
   * Where only a person fits: "keep Vikram in the loop", "keep Vikram posted", "give Haruka admin
   * access", "grant Sven access".
   */
  private static boolean inPersonSlot(String text, Words words, int i) {
    if (i == 0 || i + 1 >= words.size() || !adjacent(text, words, i - 1)) {
      return false;
    }
    if (is(words, i - 1, "keep")) {
      return adjacent(text, words, i)
          && (KEPT.contains(words.lower(i + 1)) || text.startsWith(" in the loop", words.end(i)));
    }
    return (is(words, i - 1, "give") || is(words, i - 1, "grant"))
        && oneOfNextTwo(text, words, i, next -> is(words, next, "access"));
  }

  /** Whether word {@code i} is {@code lower} (ASCII), in any case. */
  private static boolean is(Words words, int i, String lower) {
    return words.end(i) - words.start(i) == lower.length()
        && words.text.regionMatches(true, words.start(i), lower, 0, lower.length());
  }

  /**
   * After an introduction a lower-case listed given name counts ("i'm john"), one that is also an
   * everyday word or no list has only where {@link #namedInLowerCase} allows; after "I'm" or "this
   * is" an unlisted capitalised word counts only when what follows reads like a name ("I'm Chidi
   * from billing"); after "it's", only when the writer goes on as a caller does ("It's Chidi
   * here"), as "It's Chrome." names a thing as often.
   */
  private static boolean introduced(String text, Words words, int i, String cue) {
    int flags = words.flags(i);
    if ((flags & GIVEN) != 0 && (flags & AMBIGUOUS) == 0) {
      return true;
    }
    if ((flags & CAPITALISED) == 0) {
      return namedInLowerCase(text, words, i); // "my name is will."
    }
    if (cue.equals("it's") || cue.equals("it is")) {
      int end = words.end(i);
      return CALLER_GOES_ON.matcher(text).region(end, text.length()).lookingAt();
    }
    return closesIntroduction(text, words, i)
        || (i + 1 < words.size() && words.capitalised(i + 1) && adjacent(text, words, i));
  }

  /** The introduction ends after word {@code i}, or goes on as one does after a name. */
  private static boolean closesIntroduction(String text, Words words, int i) {
    int end = words.end(i);
    String after = text.substring(end, Math.min(text.length(), end + 12));
    return after.isEmpty()
        || ENDS_INTRODUCTION.matcher(after).lookingAt()
        || INTRODUCTION_GOES_ON.matcher(after).lookingAt();
  }

  /**
   * "my name is sipho", "hi, this is will.", "my name is lakshmi mazur.": a lower-case word, after
   * an introduction that only a name can follow, when it may be a name (a given name, or neither an
   * everyday word nor a place) and closes the introduction, alone or with one more such word. "I'm
   * stuck" and "it's urgent" name nobody.
   */
  private static boolean namedInLowerCase(String text, Words words, int i) {
    // The cue first: it rules out almost every lower-case word without a lookup.
    if (!namesInLowerCase(text, words, i) || !mayBeLowerCaseName(words, i)) {
      return false;
    }
    return closesIntroduction(text, words, i)
        || i + 1 < words.size()
            && adjacent(text, words, i)
            && mayBeLowerCaseName(words, i + 1)
            && closesIntroduction(text, words, i + 1);
  }

  private static boolean mayBeLowerCaseName(Words words, int i) {
    return (words.flags(i) & (CAPITALISED | NEVER | APOSTROPHE)) == 0
        && words.lowerLength(i) >= 2
        && mayBeName(words, i);
  }

  /**
   * Word {@code i} follows "my name is", or a "this is" right after the greeting that opens a
   * sentence ("hi, this is"), where it introduces the writer ("This is ok." does not).
   */
  private static boolean namesInLowerCase(String text, Words words, int i) {
    // Every such cue ends with "is" or "name's": a test of the last word comes first, as putting a
    // cue phrase together takes strings and most lower-case words follow neither.
    int last = i - 1;
    if (last < 0
        || (words.flags(last) & CUE_END) == 0
        || !is(words, last, "is") && !is(words, last, "name's") && !is(words, last, "name’s")) {
      return false;
    }
    String cue = cueBefore(text, words, i);
    if (cue == null || NAMING.contains(cue)) {
      return cue != null;
    }
    if (!cue.equals("this is")) {
      return false;
    }
    int greeting = i - 3;
    return greeting >= 0
        && GREETINGS.contains(words.lower(greeting))
        && opensSentence(text, words, greeting)
        && !opensSentence(text, words, greeting + 1);
  }

  /** Word {@code i} is the text's first, or the first after a sentence or line ends. */
  private static boolean opensSentence(String text, Words words, int i) {
    return i == 0 || endsSentence(text, words.end(i - 1), words.start(i));
  }

  /** A greeted name ends its phrase ("Hi Maria," "Thanks, Carlos!") or goes on as a full name. */
  private static boolean vocative(String text, Words words, int i) {
    if (VOCATIVE_END.matcher(text).region(words.end(i), text.length()).lookingAt()) {
      return true;
    }
    return i + 1 < words.size() && words.capitalised(i + 1) && adjacent(text, words, i);
  }

  /** "Finance team", "Quillstack Billing Team", "Kestrel Labs": an organisation's name. */
  private static boolean beforeOrganisationWord(String text, Words words, int i) {
    return oneOfNextTwo(text, words, i, next -> (words.flags(next) & ORGANISATION) != 0);
  }

  /** One of the (at most) two words that follow word {@code i}, a blank apart each, passes. */
  private static boolean oneOfNextTwo(String text, Words words, int i, IntPredicate passes) {
    for (int next = i + 1; next < words.size() && next <= i + 2; next++) {
      if (!adjacent(text, words, next - 1)) {
        return false;
      }
      if (passes.test(next)) {
        return true;
      }
    }
    return false;
  }

  /** The cue phrase (one to three words, lower case) right before word {@code i}, or null. */
  private static String cueBefore(String text, Words words, int i) {
    if (i == 0 || (words.flags(i - 1) & CUE_END) == 0) {
      return null;
    }
    String phrase = null;
    String candidate = "";
    for (int back = 1; back <= 3 && i - back >= 0; back++) {
      int previous = i - back;
      int previousEnd = words.end(previous);
      int nextStart = words.start(previous + 1);
      if (nextStart - previousEnd > MAX_CUE_GAP
          || back > 1 && (words.flags(previous) & CUE_LEAD) == 0) {
        break;
      }
      String previousLower = words.lowerWhole(previous);
      boolean allowed =
          back > 1
              ? isPhraseGap(text, previousEnd, nextStart)
              : TITLES.contains(previousLower)
                  ? isTitleGap(text, previousEnd, nextStart)
                  : isCueGap(text, previousEnd, nextStart);
      if (!allowed) {
        break;
      }
      candidate =
          back == 1
              ? previousLower
              : previousLower + text.substring(previousEnd, nextStart) + candidate;
      String normalised = candidate.replace('’', '\'');
      if (CUES.contains(normalised) || INTRODUCTIONS.contains(normalised)) {
        phrase = normalised;
      }
    }
    return phrase;
  }

  /** Between a cue and a name: blanks, maybe a comma or colon, maybe a line break. */
  private static boolean isCueGap(String text, int from, int to) {
    int at = skipBlanks(text, from, to);
    if (at < to && (text.charAt(at) == ',' || text.charAt(at) == ':')) {
      at = skipBlanks(text, at + 1, to);
    }
    if (at < to && text.charAt(at) == '\n') {
      at++;
    }
    return at == to;
  }

  /** Between a title and a name: maybe a dot, then blanks ("Dr. Okafor", "Mr Lee"). */
  private static boolean isTitleGap(String text, int from, int to) {
    int at = from < to && text.charAt(from) == '.' ? from + 1 : from;
    return at < to && skipBlanks(text, at, to) == to;
  }

  /** Between the words of a cue phrase: blanks, or an apostrophe ("name's"). */
  private static boolean isPhraseGap(String text, int from, int to) {
    return to - from == 1 && text.charAt(from) == '\''
        || from < to && skipBlanks(text, from, to) == to;
  }

  private static int skipBlanks(String text, int from, int to) {
    int at = from;
    while (at < to && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
    return at;
  }

  /**
   * The word starts a short line that follows a closing such as "Best regards," or starts with
   * "--", and the line does not name a team ("Quillstack Billing Team").
   */
  private static boolean signedOff(String text, Words words, int i) {
    int start = words.start(i);
    if (!startsLine(text, start)) {
      return false;
    }
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    String before = text.substring(lineStart, start).strip();
    boolean dashed = before.equals("--") || before.equals("—");
    if (!dashed && (!before.isEmpty() || lineStart == 0)) {
      return false;
    }
    if (!dashed && !afterClosing(text, lineStart)) {
      return false;
    }
    int lineEnd = text.indexOf('\n', start);
    String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
    return line.split("\\s+").length <= 4 && !beforeOrganisationWord(text, words, i);
  }

  /** The line before the one at {@code lineStart} ends with a closing ("Best regards,"). */
  private static boolean afterClosing(String text, int lineStart) {
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

  /**
   * Marks capitalised words glued to a name ("Jane Doe", "Chidi Okafor") as part of it, also past
   * middle initials ("Lyndon B. Johnson", "George R.R. Martin").
   */
  private static void extendToFamilyNames(String text, Words words, boolean[] name) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (!name[i] || name[i + 1] || endsPossessive(text, words.end(i))) {
        continue; // "Alice's Adventures": what a person owns is no family name.
      }
      int run = 1;
      while (i - run >= 0 && name[i - run] && joined(text, words, i - run)) {
        run++;
      }
      if (afterInitial(text, words, i)) {
        // A new sentence may start after the full stop: only an initial or a word that may be a
        // name goes on.
        int next = words.flags(i + 1);
        boolean initial = i + 2 < words.size() && afterInitial(text, words, i + 1);
        boolean family =
            (next & CAPITALISED) != 0
                && (next & (NEVER | AMBIGUOUS | ORGANISATION)) == 0
                && mayBeCuedName(words, i + 1);
        if ((initial || family) && run < MAX_NAME_WORDS) {
          name[i + 1] = true;
        }
        continue;
      }
      if (!adjacent(text, words, i)) {
        continue;
      }
      int particles = particlesBeforeFamilyName(text, words, i + 1);
      if (particles > 0 && run + particles < MAX_NAME_WORDS) {
        Arrays.fill(name, i + 1, i + particles + 2, true);
        continue;
      }
      int next = words.flags(i + 1);
      boolean family =
          (next & CAPITALISED) != 0
              ? (next & (NEVER | AMBIGUOUS | ORGANISATION)) == 0 || (next & FAMILY) != 0
              : !words.capitalised(i)
                  && ((next & FAMILY) != 0 || run == 1 && lowerCaseFamilyName(text, words, i + 1));
      if (family && run < MAX_NAME_WORDS) {
        name[i + 1] = true;
      }
    }
  }

  /** "my name is lakshmi mazur.": the second word of a name introduced in lower case. */
  private static boolean lowerCaseFamilyName(String text, Words words, int i) {
    return namesInLowerCase(text, words, i - 1)
        && mayBeLowerCaseName(words, i)
        && closesIntroduction(text, words, i);
  }

  /**
   * A month's name or abbreviation beside a number, as dates and timestamps write them ("9 Jan
   * 2024", "Jan 6", "06/Jan/2023:23:09:33", "April 21"): a date, even where the word is a name.
   */
  private static boolean inDate(String text, Words words, int i) {
    if ((words.flags(i) & MONTH) == 0) {
      return false;
    }
    int before = words.start(i) - 1;
    if (before >= 0 && " /-".indexOf(text.charAt(before)) >= 0) {
      before--;
    }
    int after = words.end(i);
    if (after < text.length() && text.charAt(after) == '.') {
      after++;
    }
    if (after < text.length() && " /-".indexOf(text.charAt(after)) >= 0) {
      after++;
    }
    return (before >= 0 && Character.isDigit(text.charAt(before)))
        || (after < text.length() && Character.isDigit(text.charAt(after)));
  }

  /**
   * How many lower-case particles ("de", "van der") start at word {@code i} before a capitalised
   * family name, each a blank apart ("Thandiwe de Souza", "Maria van der Berg"); 0 when none does.
   */
  private static int particlesBeforeFamilyName(String text, Words words, int i) {
    int at = i;
    while (at + 1 < words.size()
        && !words.capitalised(at)
        && (words.flags(at) & PARTICLE) != 0
        && adjacent(text, words, at)) {
      at++;
    }
    boolean familyName =
        at > i && words.capitalised(at) && (words.flags(at) & NEVER) == 0 && !words.capitalised(i);
    return familyName ? at - i : 0;
  }

  private static boolean adjacent(String text, Words words, int i) {
    int end = words.end(i);
    return words.start(i + 1) == end + 1 && text.charAt(end) == ' ';
  }

  /**
   * Word {@code i} is an initial, a capital letter closed by a full stop, and word {@code i + 1}
   * follows it: "B. Johnson", or "R.R." without a blank.
   */
  private static boolean afterInitial(String text, Words words, int i) {
    int end = words.end(i);
    if (end - words.start(i) != 1
        || !words.capitalised(i)
        || end == text.length()
        || text.charAt(end) != '.') {
      return false;
    }
    int next = words.start(i + 1);
    return next == end + 1 || next == end + 2 && text.charAt(end + 1) == ' ';
  }

  /** Words {@code i} and {@code i + 1} are of one name, where both are a name's words. */
  private static boolean joined(String text, Words words, int i) {
    return adjacent(text, words, i) && !endsPossessive(text, words.end(i))
        || afterInitial(text, words, i);
  }

  /**
   * The last word of the name that starts at word {@code first}: names run over adjacent words and
   * initials up to a possessive ("Alice's Adventures" is no one's full name).
   */
  private static int nameEnd(String text, Words words, boolean[] name, int first) {
    int last = first;
    while (last + 1 < words.size() && name[last + 1] && joined(text, words, last)) {
      last++;
    }
    return last;
  }

  /**
   * Unmarks the names an institution or organisation is named after, where its word follows them:
   * "Stanford University", "Le Meridien Hotel".
   */
  private static void dropInstitutions(String text, Words words, boolean[] name) {
    for (int i = 0; i < words.size(); i++) {
      if (!name[i]) {
        continue;
      }
      int last = nameEnd(text, words, name, i);
      int next = last + 1;
      if (next < words.size()
          && adjacent(text, words, last)
          && !endsPossessive(text, words.end(last))
          && (words.flags(next) & (CAPITALISED | ORGANISATION | FAMILY))
              == (CAPITALISED | ORGANISATION)) {
        Arrays.fill(name, i, next, false);
      }
      i = last;
    }
  }

  private static void addSpans(String text, Words words, boolean[] name, List<Span> found) {
    for (int i = 0; i < words.size(); i++) {
      if (!name[i]) {
        continue;
      }
      int last = nameEnd(text, words, name, i);
      int end = words.end(last);
      if (endsPossessive(text, end)) {
        end -= 2; // "Maria's order": the possessive is not part of the name.
      }
      found.add(new Span(words.start(i), end, EntityType.PERSON));
      i = last;
    }
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

  /** A Latin letter of Latin-1 or Latin Extended-A or -B, as most accented ones are. */
  private static boolean hasAccentedLatinLetter(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= '\u00C0' && c <= '\u024F') {
        return true;
      }
    }
    return false;
  }

  /** The word with its letters' accents and other marks taken off: "émile" gives "emile". */
  private static String withoutAccents(String word) {
    String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder plain = new StringBuilder(decomposed.length());
    decomposed.chars().filter(c -> !NameWords.isMark(c)).forEach(c -> plain.append((char) c));
    return plain.toString();
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

  /** The lists each lower-case word is in. */
  private static WordTable table(NameLexicon lexicon) {
    Map<String, Integer> flags = new HashMap<>();
    lexicon.givenNames().forEach(word -> flags.merge(word, GIVEN, (a, b) -> a | b));
    lexicon.familyNames().forEach(word -> flags.merge(word, FAMILY, (a, b) -> a | b));
    lexicon.ambiguousNames().forEach(word -> flags.merge(word, AMBIGUOUS, (a, b) -> a | b));
    NEVER_NAMES.forEach(word -> flags.merge(word, NEVER, (a, b) -> a | b));
    ORGANISATION_WORDS.forEach(word -> flags.merge(word, ORGANISATION, (a, b) -> a | b));
    MONTH_WORDS.forEach(word -> flags.merge(word, MONTH, (a, b) -> a | b));
    PARTICLES.forEach(word -> flags.merge(word, PARTICLE, (a, b) -> a | b));
    lexicon.places().forEach(word -> flags.merge(word, PLACE, (a, b) -> a | b));
    PLACE_LEADS.forEach(word -> flags.merge(word, PLACE_LEAD, (a, b) -> a | b));
    PLACE_PREFIXES.forEach(word -> flags.merge(word, PLACE_PREFIX, (a, b) -> a | b));
    PLACE_NOUNS.forEach(word -> flags.merge(word, PLACE_NOUN, (a, b) -> a | b));
    // A cue's words are separated by blanks or apostrophes, as the phrase gaps allow.
    for (Set<String> phrases : List.of(CUES, INTRODUCTIONS)) {
      for (String phrase : phrases) {
        for (int k = 0; k < phrase.length(); k++) {
          if (k == 0 || separatesCueWords(phrase.charAt(k - 1))) {
            flags.merge(phrase.substring(k), CUE_END, (a, b) -> a | b);
            for (int gap = k + 1; gap < phrase.length(); gap++) {
              if (separatesCueWords(phrase.charAt(gap))) {
                flags.merge(phrase.substring(k, gap), CUE_LEAD, (a, b) -> a | b);
              }
            }
          }
        }
      }
    }
    return new WordTable(flags);
  }

  private static boolean separatesCueWords(char c) {
    return c == ' ' || c == '\'';
  }

  /** Lower-case name words, found in a text by their hashes before their characters. */
  static final class Known {
    private final Set<String> words;
    private final int[] hashes;

    Known(Set<String> words) {
      this.words = words;
      this.hashes = new int[words.size()];
      int i = 0;
      for (String word : words) {
        hashes[i++] = word.hashCode();
      }
    }

    boolean contains(Words text, int i) {
      int hash = text.hash(i);
      for (int known : hashes) {
        if (known == hash) {
          return words.contains(text.lower(i));
        }
      }
      return false;
    }
  }

  /**
   * The words of a text: a letter, then letters, marks, apostrophes and hyphens. Each word's lower
   * case form (a possessive {@code 's} dropped: "Maria's" is looked up as "maria"), its hash, the
   * lists it is in and whether it is capitalised (a capital first, and not all capitals) are worked
   * out as the text is read; the lower-case string only when a rule asks for it.
   */
  static final class Words {
    /** What an ASCII character is within a word: 0 where it ends one. */
    private static final byte[] ASCII_KINDS = new byte[128];

    private static final byte LETTER = 1;
    private static final byte LOWER_LETTER = 2;
    private static final byte APOSTROPHE_MARK = 4;
    private static final byte HYPHEN = 8;

    static {
      for (char c = 'a'; c <= 'z'; c++) {
        ASCII_KINDS[c] = LETTER | LOWER_LETTER;
        ASCII_KINDS[c - 'a' + 'A'] = LETTER;
      }
      ASCII_KINDS['\''] = APOSTROPHE_MARK;
      ASCII_KINDS['-'] = HYPHEN;
    }

    private final String text;
    private final char[] chars;
    private int size;
    private int[] starts;
    private int[] ends;
    private int[] lowerEnds;
    private int[] hashes;
    private int[] flags;
    private String[] lowers;

    /** The words that start a name, as the first search found them. */
    private boolean[] nameStarts;

    Words(String text, char[] chars) {
      this.text = text;
      this.chars = chars;
      int n = chars.length;
      // Words and the blanks between them take about six characters each in prose.
      int capacity = Math.max(8, n / 5);
      starts = new int[capacity];
      ends = new int[capacity];
      lowerEnds = new int[capacity];
      hashes = new int[capacity];
      flags = new int[capacity];
      lowers = new String[capacity];
      int i = 0;
      while (i < n) {
        char c = chars[i];
        if (c < 128) {
          i = isAsciiLetter(c) ? asciiWord(i) : i + 1;
        } else if (Character.isLetter(text.codePointAt(i))) {
          int start = i;
          i = wordEnd(i + Character.charCount(text.codePointAt(i)));
          add(start, i);
        } else {
          i += Character.charCount(text.codePointAt(i));
        }
      }
    }

    /**
     * Reads the word starting with the ASCII letter at {@code start}, and adds it; returns where it
     * ends. While the word is ASCII, its lower-case hash (also without the last two characters, for
     * a possessive 's) and its case are worked out in the same pass.
     */
    private int asciiWord(int start) {
      int n = chars.length;
      int hash = 0;
      int hashBeforeLast = 0;
      int hashBeforeTwoLast = 0;
      int kinds = 0;
      int i = start;
      for (; i < n; i++) {
        char c = chars[i];
        if (c >= 128 || ASCII_KINDS[c] == 0) {
          break;
        }
        hashBeforeTwoLast = hashBeforeLast;
        hashBeforeLast = hash;
        hash = 31 * hash + WordTable.lowerAscii(c);
        kinds |= ASCII_KINDS[c];
      }
      boolean hasLower = (kinds & LOWER_LETTER) != 0;
      boolean apostrophe = (kinds & APOSTROPHE_MARK) != 0;
      if (i < n && chars[i] >= 128) {
        int end = wordEnd(i);
        if (end > i) {
          add(start, end);
          return end;
        }
      }
      int lowerEnd = i;
      int wholeHash = hash;
      if (i - start > 2 && (chars[i - 1] == 's' || chars[i - 1] == 'S') && chars[i - 2] == '\'') {
        lowerEnd = i - 2;
        hash = hashBeforeTwoLast;
      }
      int wordFlags = TABLE.flagsOfAscii(chars, start, lowerEnd, hash);
      if (lowerEnd < i) {
        // A cue's word is looked up whole: "it's", "name's".
        wordFlags |= TABLE.flagsOfAscii(chars, start, i, wholeHash) & (CUE_END | CUE_LEAD);
      }
      if (apostrophe) {
        wordFlags |= APOSTROPHE;
      }
      char first = chars[start];
      if (first >= 'A' && first <= 'Z' && (i - start == 1 || hasLower)) {
        wordFlags |= CAPITALISED;
      }
      append(start, i, lowerEnd, hash, wordFlags, null);
      return i;
    }

    /** Where a word that goes on at {@code from} ends: letters, marks, apostrophes, hyphens. */
    private int wordEnd(int from) {
      int n = chars.length;
      int i = from;
      while (i < n) {
        char next = chars[i];
        if (next < 128) {
          if (!isAsciiLetter(next) && next != '\'' && next != '-') {
            break;
          }
          i++;
        } else {
          int code = text.codePointAt(i);
          if (!Character.isLetter(code) && !NameWords.isMark(code) && code != '’') {
            break;
          }
          i += Character.charCount(code);
        }
      }
      return i;
    }

    private static boolean isAsciiLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private void add(int start, int end) {
      String word = text.substring(start, end);
      String lower = withoutPossessive(word).toLowerCase(Locale.ROOT);
      String whole = word.toLowerCase(Locale.ROOT).replace('’', '\'');
      int listed = TABLE.flags(lower);
      if (listed == 0 && hasAccentedLatinLetter(lower)) {
        listed = TABLE.flags(withoutAccents(lower)); // "Émile" is listed as Emile.
      }
      int wordFlags = listed | (TABLE.flags(whole) & (CUE_END | CUE_LEAD));
      if (Character.isUpperCase(word.charAt(0))
          && (word.length() == 1 || !word.equals(word.toUpperCase(Locale.ROOT)))) {
        wordFlags |= CAPITALISED;
      }
      if (lower.indexOf('\'') >= 0 || lower.indexOf('’') >= 0) {
        wordFlags |= APOSTROPHE;
      }
      append(start, end, -1, lower.hashCode(), wordFlags, lower);
    }

    private void append(int start, int end, int lowerEnd, int hash, int wordFlags, String lower) {
      if (size == starts.length) {
        int capacity = size * 2;
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
        lowerEnds = Arrays.copyOf(lowerEnds, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        flags = Arrays.copyOf(flags, capacity);
        lowers = Arrays.copyOf(lowers, capacity);
      }
      starts[size] = start;
      ends[size] = end;
      lowerEnds[size] = lowerEnd;
      hashes[size] = hash;
      flags[size] = wordFlags;
      lowers[size] = lower;
      size++;
    }

    int size() {
      return size;
    }

    int start(int i) {
      return starts[i];
    }

    int end(int i) {
      return ends[i];
    }

    int flags(int i) {
      return flags[i];
    }

    boolean capitalised(int i) {
      return (flags[i] & CAPITALISED) != 0;
    }

    int hash(int i) {
      return hashes[i];
    }

    /** The word in lower case, without a possessive {@code 's}. */
    String lower(int i) {
      if (lowers[i] == null) {
        lowers[i] = text.substring(starts[i], lowerEnds[i]).toLowerCase(Locale.ROOT);
      }
      return lowers[i];
    }

    /** The whole word in lower case, an {@code 's} kept: as cue phrases are written. */
    String lowerWhole(int i) {
      return lowerEnds[i] == ends[i]
          ? lower(i)
          : text.substring(starts[i], ends[i]).toLowerCase(Locale.ROOT);
    }

    int lowerLength(int i) {
      return lowerEnds[i] >= 0 ? lowerEnds[i] - starts[i] : lower(i).length();
    }
  }
}
