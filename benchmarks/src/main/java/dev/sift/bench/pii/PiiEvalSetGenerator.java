package dev.sift.bench.pii;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.sift.bench.Args;
import dev.sift.schemas.EntityType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the labelled evaluation set of the anonymise stage: customer-support conversations
 * (billing, shipping, account and technical desks) into which it plants personal data and secrets
 * of every {@link EntityType}, in many surface forms, with their exact offsets; and hard negatives
 * ({@link NegativeKind}) that look like them and must survive untouched.
 *
 * <p>Conversation {@code i} comes from desk {@code i mod 4} and carries that desk's next entity
 * type and hard negative in rotation, plus random others, so every type and kind appears in any set
 * of 50 conversations or more. Output depends only on the seed and the count: one {@link Random}
 * (whose algorithm the JDK specifies), no clock, no default locale, no hash order.
 */
public final class PiiEvalSetGenerator {
  public static final long DEFAULT_SEED = 20260314L;
  public static final int DEFAULT_CONVERSATIONS = 2000;

  private PiiEvalSetGenerator() {}

  public static List<EvalConversation> generate(long seed, int conversations) {
    if (conversations < 0) {
      throw new IllegalArgumentException("conversations must not be negative: " + conversations);
    }
    Random rng = new Random(seed);
    List<EvalConversation> set = new ArrayList<>(conversations);
    for (int i = 0; i < conversations; i++) {
      Topic topic = Topics.ALL.get(i % Topics.ALL.size());
      int turn = i / Topics.ALL.size();
      EntityType required = topic.detailRotation().get(turn % topic.detailRotation().size());
      NegativeKind negative = topic.negativeRotation().get(turn % topic.negativeRotation().size());
      String id = String.format(Locale.ROOT, "pii-eval-%05d", i + 1);
      set.add(new ConversationBuilder(rng, topic).build(id, required, negative));
    }
    return set;
  }

  /** Writes the set as labelled JSON Lines ({@link EvalSetJson#labelled}), UTF-8. */
  public static void write(List<EvalConversation> set, OutputStream out) throws IOException {
    for (EvalConversation conversation : set) {
      out.write(EvalSetJson.labelled(conversation).getBytes(UTF_8));
      out.write('\n');
    }
    out.flush();
  }

  /** {@code ./bench pii-eval-set --out=FILE [--conversations=N] [--seed=S]}. */
  public static void main(String[] argv) throws IOException {
    Args args =
        Args.parse(
            "pii-eval-set",
            argv,
            "out",
            "path of the JSON Lines file to write (required)",
            "conversations",
            "how many conversations (default " + DEFAULT_CONVERSATIONS + ")",
            "seed",
            "generator seed (default " + DEFAULT_SEED + ")");
    Path out = Path.of(args.required("out"));
    int conversations = args.intValue("conversations", DEFAULT_CONVERSATIONS);
    long seed = args.longValue("seed", DEFAULT_SEED);
    List<EvalConversation> set = generate(seed, conversations);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out))) {
      write(set, file);
    }
    long spans =
        set.stream().flatMap(c -> c.messages().stream()).mapToLong(m -> m.spans().size()).sum();
    System.out.printf(
        Locale.ROOT,
        "Wrote %d conversations (seed %d, %d labelled values) to %s%n",
        set.size(),
        seed,
        spans,
        out);
  }
}
