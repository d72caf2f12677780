package dev.sift.transforms.quality;

import dev.sift.transforms.SortedLongSets;
import dev.sift.transforms.dedup.Hash64;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Conflicting answers: kept conversations of a task whose first user turns are the same question
 * once folded (case, punctuation, spacing and digits ignored) and whose first answers share less
 * than {@code quality.conflictSimilarity} of their words (Jaccard). Each question's answers are
 * compared within a bounded sample (the {@value #PER_QUESTION} smallest id hashes), so a question
 * asked a million times costs no more than one asked ten times.
 */
final class Conflicts {
  static final int PER_QUESTION = 8;
  static final int EXAMPLES = 10;

  /** Questions shorter than this many words ("hi", "ok thanks") are not compared. */
  static final int MIN_QUESTION_WORDS = 3;

  private Conflicts() {}

  /** The folded question, or null when it is too short to compare. */
  static String questionKey(String question) {
    StringBuilder key = new StringBuilder();
    int words = 0;
    int i = 0;
    int n = question.length();
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(question.charAt(i))) {
        i++;
      }
      if (i == n) {
        break;
      }
      if (key.length() > 0) {
        key.append(' ');
      }
      while (i < n && Character.isLetterOrDigit(question.charAt(i))) {
        char c = question.charAt(i++);
        key.append(Character.isDigit(c) ? '0' : Character.toLowerCase(c));
      }
      words++;
    }
    return words < MIN_QUESTION_WORDS ? null : key.toString();
  }

  /** One answer to a question. */
  record Answer(long key, String id, long[] words, String question, String snippet)
      implements Serializable {
    static Answer of(String id, String question, String answer) {
      Words words = Words.of(answer);
      long[] distinct =
          Arrays.stream(Arrays.copyOf(words.hashes, words.count)).distinct().sorted().toArray();
      return new Answer(
          Hash64.mix(Words.hash(id, 0, id.length())),
          id,
          distinct,
          TaskStats.snippet(question),
          TaskStats.snippet(answer));
    }
  }

  static final Comparator<Answer> ANSWER_ORDER =
      Comparator.comparingLong(Answer::key).thenComparing(Answer::id);

  /** Two answers to one question that conflict. */
  record Pair(
      String question,
      String firstId,
      String firstAnswer,
      String secondId,
      String secondAnswer,
      double similarity)
      implements Serializable {}

  static final Comparator<Pair> PAIR_ORDER =
      Comparator.comparing(Pair::question)
          .thenComparing(Pair::firstId)
          .thenComparing(Pair::secondId);

  /** A task's conflicts: how many questions, pairs and conversations, and the first examples. */
  record Summary(long questions, long pairs, long conversations, List<Pair> examples)
      implements Serializable {
    static final Summary NONE = new Summary(0, 0, 0, List.of());
  }

  /** The conflicting pairs among one question's sampled answers, in sample order. */
  static List<Pair> pairs(List<Answer> answers, double maxSimilarity) {
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      for (int j = i + 1; j < answers.size(); j++) {
        Answer a = answers.get(i);
        Answer b = answers.get(j);
        double similarity = SortedLongSets.jaccard(a.words(), b.words());
        if (similarity < maxSimilarity) {
          Answer first = a.id().compareTo(b.id()) <= 0 ? a : b;
          Answer second = first == a ? b : a;
          pairs.add(
              new Pair(
                  a.question(),
                  first.id(),
                  first.snippet(),
                  second.id(),
                  second.snippet(),
                  TaskStats.round(similarity)));
        }
      }
    }
    return pairs;
  }

  /**
   * The {@value #PER_QUESTION} answers of a question with the smallest id hashes, fed one by one.
   */
  static final class AnswerSample {
    private final List<Answer> answers = new ArrayList<>();

    void add(Answer answer) {
      answers.add(answer);
      if (answers.size() > PER_QUESTION) {
        answers.sort(ANSWER_ORDER);
        answers.remove(PER_QUESTION);
      }
    }

    /** The sample in {@link #ANSWER_ORDER}. */
    List<Answer> answers() {
      List<Answer> sorted = new ArrayList<>(answers);
      sorted.sort(ANSWER_ORDER);
      return sorted;
    }
  }

  /** Sums a task's conflicting questions and keeps its first {@value #EXAMPLES} pairs. */
  static final class SummarizeFn extends Combine.CombineFn<List<Pair>, Summary, Summary> {
    @Override
    public Summary createAccumulator() {
      return Summary.NONE;
    }

    @Override
    public Summary addInput(Summary summary, List<Pair> pairs) {
      Set<String> ids = new TreeSet<>();
      pairs.forEach(
          pair -> {
            ids.add(pair.firstId());
            ids.add(pair.secondId());
          });
      return merge(summary, new Summary(1, pairs.size(), ids.size(), pairs));
    }

    @Override
    public Summary mergeAccumulators(Iterable<Summary> summaries) {
      Summary merged = Summary.NONE;
      for (Summary summary : summaries) {
        merged = merge(merged, summary);
      }
      return merged;
    }

    @Override
    public Summary extractOutput(Summary summary) {
      return summary;
    }

    private static Summary merge(Summary a, Summary b) {
      List<Pair> examples = new ArrayList<>(a.examples());
      examples.addAll(b.examples());
      examples.sort(PAIR_ORDER);
      return new Summary(
          a.questions() + b.questions(),
          a.pairs() + b.pairs(),
          a.conversations() + b.conversations(),
          List.copyOf(examples.subList(0, Math.min(EXAMPLES, examples.size()))));
    }

    @Override
    public Coder<Summary> getAccumulatorCoder(CoderRegistry registry, Coder<List<Pair>> input) {
      return ConflictCoders.SummaryCoder.INSTANCE;
    }
  }
}
