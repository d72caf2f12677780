package dev.sift.bench.dedup;

import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.SourceRef;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Conversations in families of near duplicates, each conversation computed from its index alone (so
 * a pipeline can generate millions in parallel, and the same seed always gives the same data).
 *
 * <p>Indices come in families of {@value #FAMILY}: the first is a base conversation; each other
 * slot is, with probability {@code duplicateShare}, a variant of the base or of the slot before it
 * (a chain), made by one {@link Edit} of random strength, else an unrelated conversation. A fifth
 * of the families are templates whose every member fills the same slots with its own words. The
 * strengths spread the members' true Jaccard similarity over the whole range, from copies that
 * differ by a word to strangers, so that every band around the threshold gets pairs. One
 * conversation in ten is short (under ten words), which dedup shingles by characters.
 */
public final class NearDuplicateGenerator implements Serializable {
  public static final int FAMILY = 6;
  public static final String TASK = "bench";

  /** How a variant differs from its parent. */
  public enum Edit {
    SUBSTITUTE_WORDS,
    INSERT_WORDS,
    DELETE_WORDS,
    REORDER_TURNS,
    TEMPLATE_FILL
  }

  private static final int VOCABULARY = 30_000;
  private static final double ZIPF = 1.0;
  private static final double TEMPLATE_FAMILIES = 0.2;
  private static final double SHORT = 0.1;
  private static final double CHAIN = 0.3;
  private static final double MAX_EDITED_SHARE = 0.12;

  private final long seed;
  private final double duplicateShare;
  private transient Vocabulary vocabulary;

  public NearDuplicateGenerator(long seed, double duplicateShare) {
    this.seed = seed;
    this.duplicateShare = duplicateShare;
  }

  /** The conversation at {@code index}. */
  public Conversation conversation(long index) {
    List<Turn> turns = turns(index / FAMILY, (int) (index % FAMILY));
    List<Message> messages = new ArrayList<>();
    for (Turn turn : turns) {
      messages.add(Message.of(turn.role(), String.join(" ", turn.words()) + "."));
    }
    return Conversation.of(
        TASK,
        SourceRef.create("generated.jsonl", index + 1, index + 1, "openai"),
        messages,
        Map.of());
  }

  /** How the conversation at {@code index} was made from its family's base; null if it was not. */
  public Edit edit(long index) {
    long family = index / FAMILY;
    int slot = (int) (index % FAMILY);
    if (slot == 0) {
      return null;
    }
    SplittableRandom random = random(family, slot);
    if (random.nextDouble() >= duplicateShare) {
      return null;
    }
    return isTemplate(family) ? Edit.TEMPLATE_FILL : edits()[random.nextInt(4)];
  }

  private static Edit[] edits() {
    return new Edit[] {
      Edit.SUBSTITUTE_WORDS, Edit.INSERT_WORDS, Edit.DELETE_WORDS, Edit.REORDER_TURNS
    };
  }

  private List<Turn> turns(long family, int slot) {
    if (slot == 0) {
      return base(family, random(family, 0));
    }
    SplittableRandom random = random(family, slot);
    if (random.nextDouble() >= duplicateShare) {
      return base(family * FAMILY + slot, random); // a stranger to the family
    }
    if (isTemplate(family)) {
      random.nextInt(4);
      return fill(template(family), random);
    }
    Edit edit = edits()[random.nextInt(4)];
    int parentSlot = slot > 1 && random.nextDouble() < CHAIN ? slot - 1 : 0;
    List<Turn> parent =
        parentSlot == 0 || edit(family * FAMILY + parentSlot) == null
            ? turns(family, 0)
            : turns(family, parentSlot);
    return vary(parent, edit, random);
  }

  private boolean isTemplate(long family) {
    return random(family, -1).nextDouble() < TEMPLATE_FAMILIES;
  }

  private SplittableRandom random(long family, int slot) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + family * 31 + slot);
  }

  private List<Turn> base(long key, SplittableRandom random) {
    List<Turn> turns = new ArrayList<>();
    if (random.nextDouble() < SHORT) {
      turns.add(new Turn(Role.USER, words(1 + random.nextInt(4), random)));
      turns.add(new Turn(Role.ASSISTANT, words(1 + random.nextInt(4), random)));
      return turns;
    }
    if (random.nextDouble() < 0.3) {
      turns.add(new Turn(Role.SYSTEM, words(15 + random.nextInt(16), random)));
    }
    int exchanges = 1 + random.nextInt(3);
    for (int i = 0; i < exchanges; i++) {
      turns.add(new Turn(Role.USER, words(8 + random.nextInt(33), random)));
      turns.add(new Turn(Role.ASSISTANT, words(15 + random.nextInt(66), random)));
    }
    return turns;
  }

  private List<String> words(int n, SplittableRandom random) {
    List<String> words = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      words.add(vocabulary().draw(random));
    }
    return words;
  }

  private Vocabulary vocabulary() {
    if (vocabulary == null) {
      vocabulary = new Vocabulary(VOCABULARY, ZIPF, seed);
    }
    return vocabulary;
  }

  /** One {@code edit} of a random strength: up to 12% of the words, or two exchanges swapped. */
  private List<Turn> vary(List<Turn> parent, Edit edit, SplittableRandom random) {
    List<Turn> turns = new ArrayList<>();
    parent.forEach(turn -> turns.add(new Turn(turn.role(), new ArrayList<>(turn.words()))));
    int total = turns.stream().mapToInt(turn -> turn.words().size()).sum();
    int edits =
        1 + random.nextInt(Math.max(1, (int) (total * MAX_EDITED_SHARE * random.nextDouble())));
    if (edit == Edit.REORDER_TURNS) {
      int first = turns.get(0).role() == Role.SYSTEM ? 1 : 0;
      int exchanges = (turns.size() - first) / 2;
      if (exchanges >= 2) {
        int a = random.nextInt(exchanges);
        int b = (a + 1 + random.nextInt(exchanges - 1)) % exchanges;
        swap(turns, first + 2 * a, first + 2 * b);
        swap(turns, first + 2 * a + 1, first + 2 * b + 1);
        return turns;
      }
      edit = Edit.SUBSTITUTE_WORDS; // one exchange: nothing to reorder
    }
    for (int i = 0; i < edits; i++) {
      List<String> words = turns.get(random.nextInt(turns.size())).words();
      switch (edit) {
        case SUBSTITUTE_WORDS -> words.set(random.nextInt(words.size()), vocabulary().draw(random));
        case INSERT_WORDS -> words.add(random.nextInt(words.size() + 1), vocabulary().draw(random));
        case DELETE_WORDS -> {
          if (words.size() > 1) {
            words.remove(random.nextInt(words.size()));
          }
        }
        default -> throw new IllegalStateException(edit.name());
      }
    }
    return turns;
  }

  private static void swap(List<Turn> turns, int a, int b) {
    Turn t = turns.get(a);
    turns.set(a, turns.get(b));
    turns.set(b, t);
  }

  /** A template: the family's base with slot markers (null words) at random positions. */
  private List<Turn> template(long family) {
    SplittableRandom random = random(family, 0);
    List<Turn> base = base(family, random);
    SplittableRandom slots = random(family, -2);
    int total = base.stream().mapToInt(turn -> turn.words().size()).sum();
    int count = 2 + slots.nextInt(Math.max(1, total / 12));
    List<Turn> template = new ArrayList<>();
    base.forEach(turn -> template.add(new Turn(turn.role(), new ArrayList<>(turn.words()))));
    for (int i = 0; i < count; i++) {
      List<String> words = template.get(slots.nextInt(template.size())).words();
      words.set(slots.nextInt(words.size()), null);
    }
    return template;
  }

  /** The template with each slot filled by one to three words of this member's own. */
  private List<Turn> fill(List<Turn> template, SplittableRandom random) {
    List<Turn> turns = new ArrayList<>();
    for (Turn turn : template) {
      List<String> words = new ArrayList<>();
      for (String word : turn.words()) {
        if (word != null) {
          words.add(word);
        } else {
          words.addAll(words(1 + random.nextInt(3), random));
        }
      }
      turns.add(new Turn(turn.role(), words));
    }
    return turns;
  }

  /** A turn being generated: its role and its words. */
  private record Turn(Role role, List<String> words) {}
}
