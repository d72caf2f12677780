package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import dev.sift.schemas.spec.AnonymizeSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds every kind of personal data and secret in a text with the recognizers of this package, and
 * settles overlaps: where two findings overlap, the more specific type wins (a secret over the URL
 * holding it, an e-mail over the name inside it), then the longer finding. Values on the spec's
 * allow list are never reported. Immutable and thread-safe.
 */
public final class PiiDetector {
  /** Most specific first: the order in which overlapping findings are kept. */
  private static final List<EntityType> PRECEDENCE =
      List.of(
          EntityType.URL,
          EntityType.SECRET,
          EntityType.EMAIL,
          EntityType.IBAN,
          EntityType.CREDIT_CARD,
          EntityType.US_SSN,
          EntityType.IP_ADDRESS,
          EntityType.PHONE,
          EntityType.DATE_OF_BIRTH,
          EntityType.STREET_ADDRESS,
          EntityType.PERSON);

  /** Each type's place in {@link #PRECEDENCE}, by ordinal. */
  private static final int[] RANK = new int[EntityType.values().length];

  static {
    for (EntityType type : EntityType.values()) {
      RANK[type.ordinal()] = PRECEDENCE.indexOf(type);
    }
  }

  private static final Comparator<Span> KEEP_ORDER =
      Comparator.<Span>comparingInt(span -> RANK[span.type().ordinal()])
          .thenComparing(Comparator.comparingInt(Span::length).reversed())
          .thenComparingInt(Span::start);
  private static final Comparator<Span> BY_START = Comparator.comparingInt(Span::start);

  /** Recognizers of values that always hold a digit: skipped on texts without one. */
  private final List<Recognizer> numeric;

  private final List<Recognizer> textual;
  private final PhoneRecognizer phones;
  private final PersonRecognizer persons = new PersonRecognizer();
  private final Set<String> allowed;

  private PiiDetector(AnonymizeSpec spec) {
    this.textual =
        List.of(new SecretRecognizer(), new CredentialUrlRecognizer(), new EmailRecognizer());
    this.numeric =
        List.of(
            new IbanRecognizer(),
            new CardRecognizer(),
            new SsnRecognizer(),
            new IpRecognizer(),
            new BirthDateRecognizer(),
            new AddressRecognizer());
    Set<String> allowed = new HashSet<>();
    spec.allow().forEach(value -> allowed.add(value.strip().toLowerCase(Locale.ROOT)));
    this.allowed = Set.copyOf(allowed);
    this.phones = new PhoneRecognizer(spec.phoneRegions());
  }

  public static PiiDetector of(AnonymizeSpec spec) {
    return new PiiDetector(spec);
  }

  /** The phone recognizer, for the surrogates of the numbers it found. */
  PhoneRecognizer phones() {
    return phones;
  }

  /**
   * The findings in one text, in text order and not overlapping. {@code knownNames}: names the
   * record declares (speaker names, name fields), found in any case.
   */
  public List<Span> detect(String text, Collection<String> knownNames) {
    ScannedText scanned = new ScannedText(text);
    PhoneRecognizer.Unconfirmed unconfirmed = phones.unconfirmed(text);
    List<Span> candidates = candidatesButNames(scanned, unconfirmed);
    persons.find(scanned, new PersonRecognizer.Known(nameWords(knownNames)), candidates);
    return settle(text, candidates, unconfirmed);
  }

  /**
   * The findings in each of a conversation's texts. A name revealed in one turn ("I'm Chidi") is
   * also found where a later or earlier turn uses it without a cue ("Thanks for waiting, Chidi").
   */
  public List<List<Span>> detectAll(List<String> texts, Collection<String> knownNames) {
    Set<String> known = nameWords(knownNames);
    PersonRecognizer.Known isKnown = new PersonRecognizer.Known(known);
    List<ScannedText> scanned = new ArrayList<>(texts.size());
    List<List<Span>> others = new ArrayList<>();
    List<PhoneRecognizer.Unconfirmed> unconfirmed = new ArrayList<>();
    List<List<Span>> first = new ArrayList<>();
    Set<String> revealed = new HashSet<>(known);
    for (String text : texts) {
      ScannedText scan = new ScannedText(text);
      scanned.add(scan);
      PhoneRecognizer.Unconfirmed phonesToConfirm = phones.unconfirmed(text);
      unconfirmed.add(phonesToConfirm);
      List<Span> candidates = candidatesButNames(scan, phonesToConfirm);
      others.add(candidates);
      List<Span> withNames = new ArrayList<>(candidates);
      persons.find(scan, isKnown, withNames);
      List<Span> spans = settle(text, withNames, phonesToConfirm);
      first.add(spans);
      for (Span span : spans) {
        if (span.type() == EntityType.PERSON) {
          revealed.addAll(words(span.in(text), false));
        }
      }
    }
    if (revealed.size() == known.size()) {
      return first;
    }
    // Only the names can change with what the other turns revealed.
    PersonRecognizer.Known isRevealed = new PersonRecognizer.Known(revealed);
    Set<String> added = new HashSet<>(revealed);
    added.removeAll(known);
    PersonRecognizer.Known isAdded = new PersonRecognizer.Known(added);
    List<List<Span>> all = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      List<Span> candidates = others.get(i);
      boolean changed = persons.findAgain(scanned.get(i), isRevealed, isAdded, candidates);
      all.add(changed ? settle(texts.get(i), candidates, unconfirmed.get(i)) : first.get(i));
    }
    return all;
  }

  private List<Span> candidatesButNames(ScannedText text, PhoneRecognizer.Unconfirmed unconfirmed) {
    List<Span> candidates = new ArrayList<>();
    for (Recognizer recognizer : textual) {
      recognizer.find(text, candidates);
    }
    if (text.hasDigit()) {
      for (Recognizer recognizer : numeric) {
        recognizer.find(text, candidates);
      }
      phones.find(text, candidates, unconfirmed);
    }
    return candidates;
  }

  /**
   * The candidates that are kept: the most specific of overlapping ones, not allowed values. A
   * phone number that libphonenumber has to confirm is asked about only once it would be kept; one
   * it rejects is passed over, which keeps the rest as if it had never been a candidate.
   */
  private List<Span> settle(
      String text, List<Span> candidates, PhoneRecognizer.Unconfirmed unconfirmed) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    candidates.sort(KEEP_ORDER);
    List<Span> kept = new ArrayList<>(candidates.size());
    for (Span candidate : candidates) {
      if (!overlapsAny(kept, candidate)
          && !isAllowed(candidate.in(text))
          && !unconfirmed.rejects(candidate)) {
        kept.add(candidate);
      }
    }
    kept.sort(BY_START);
    return kept;
  }

  private static boolean overlapsAny(List<Span> spans, Span candidate) {
    for (Span span : spans) {
      if (candidate.overlaps(span)) {
        return true;
      }
    }
    return false;
  }

  private boolean isAllowed(String value) {
    return !allowed.isEmpty() && allowed.contains(value.strip().toLowerCase(Locale.ROOT));
  }

  /** The lower-case words of names, e.g. {@code Agent Maria Lopez} gives maria and lopez. */
  static Set<String> nameWords(Collection<String> names) {
    Set<String> words = new HashSet<>();
    names.forEach(name -> words.addAll(words(name, true)));
    return words;
  }

  /**
   * A declared name's capitalised words: "agent" in a speaker field named {@code agent} is a role,
   * not a name. A name found in the text keeps every word, since it was written that way.
   */
  private static Set<String> words(String name, boolean capitalisedOnly) {
    Set<String> words = new HashSet<>();
    for (String word : NameWords.in(name)) {
      if (word.length() > 1 && (!capitalisedOnly || Character.isUpperCase(word.charAt(0)))) {
        words.add(PersonRecognizer.withoutPossessive(word).toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }
}
