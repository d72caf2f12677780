package dev.sift.transforms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.transforms.SortedLongSets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-conversation signals on small inputs, with values worked out by hand. */
class SignalsTest {

  @Test
  void wordsAreLowerCaseStemmedAndStopWordsWeighNothing() {
    Words words = Words.of("The invoices, Invoice and 42 charged charges!");
    assertEquals(7, words.count);
    assertEquals(0, words.terms[0], "stop word");
    assertEquals(words.terms[1], words.terms[2], "invoices ~ invoice");
    assertEquals(0, words.terms[3], "stop word");
    assertEquals(0, words.terms[4], "number");
    assertEquals(words.terms[5], words.terms[6], "charged ~ charges");
    assertEquals(words.hashes[1], Words.of("INVOICES").hashes[0]);
    assertEquals(Words.of("charge").terms[0], Words.of("charged").terms[0]);
  }

  @Test
  void symbolRatioByHand() {
    // "a{b}#" has 5 visible characters, 3 of them symbols.
    assertEquals(0.6, TextSignals.symbolRatio("a{b} #"), 1e-12);
    assertEquals(0.0, TextSignals.symbolRatio("Hello, world (really)!"), 1e-12);
  }

  @Test
  void duplicateLineShareByHand() {
    assertEquals(0.5, Repetition.duplicateLineShare("a\nb\na\na"), 1e-12);
    assertEquals(0.0, Repetition.duplicateLineShare("a\na"), 1e-12);
  }

  @Test
  void topAndDuplicateNgramSharesByHand() {
    Words words = Words.of("ab cd ab cd xy");
    long characters = 10;
    // "ab cd" occurs twice: 2 * 4 characters of 10.
    assertEquals(0.8, Repetition.topNgramShare(words, 2, characters), 1e-12);
    Words five = Words.of("a b c d e a b c d e f");
    // the 5-gram "a b c d e" occurs twice, covering 10 of 11 one-letter words.
    assertEquals(10.0 / 11, Repetition.duplicateNgramShare(five, 5, 11), 1e-12);
  }

  @Test
  void aLongLoopingAnswerIsRepetitiveAndProseIsNot() {
    String loop = "please restart the router and try again. ".repeat(10);
    assertTrue(Repetition.ratio(loop, Words.of(loop)) > 1);
    String prose =
        "Your invoice for March was issued on the first and paid by card the same day. The"
            + " receipt went to the billing contact, and a copy is under Settings, Billing,"
            + " Invoices. If the amount looks wrong, tell me which line and I will check it"
            + " against the seats you had then, including anyone added or removed during the"
            + " month, before we decide on a credit.";
    assertTrue(Repetition.ratio(prose, Words.of(prose)) < 1);
  }

  @Test
  void truncatedAnswers() {
    assertTrue(TextSignals.truncated("Here is the fix:\n```\nrestart()"));
    assertTrue(TextSignals.truncated("To change the plan you need to open the settings and then"));
    assertFalse(TextSignals.truncated("Done. Your plan changes on Monday."));
    assertFalse(TextSignals.truncated("Best regards,\nQuillstack Billing Team"));
    assertFalse(TextSignals.truncated("Steps:\n1. Open Settings and click the Billing tab"));
  }

  @Test
  void refusalsAreShortAndBoilerplateIsFound() {
    assertTrue(TextSignals.refusal("I’m sorry, but I can’t help with that.", 8));
    assertFalse(
        TextSignals.refusal("I'm sorry, but I can't help with that. " + "x ".repeat(70), 78));
    assertTrue(TextSignals.boilerplate("As an AI language model, I have no bank account."));
  }

  @Test
  void roleStructure() {
    Message system = Message.of(Role.SYSTEM, "Be brief.");
    Message user = Message.of(Role.USER, "Hi");
    Message assistant = Message.of(Role.ASSISTANT, "Hello");
    assertEquals(RoleStructure.VALID, RoleStructure.of(List.of(system, user, assistant)));
    assertEquals(RoleStructure.VALID, RoleStructure.of(List.of(assistant, user, assistant)));
    assertEquals(RoleStructure.NOT_ALTERNATING, RoleStructure.of(List.of(user, user, assistant)));
    assertEquals(
        RoleStructure.NOT_ENDING_WITH_ASSISTANT, RoleStructure.of(List.of(user, assistant, user)));
    assertEquals(
        RoleStructure.SYSTEM_AFTER_START, RoleStructure.of(List.of(user, system, assistant)));
    assertEquals(
        RoleStructure.VALID,
        RoleStructure.of(List.of(user, assistant, Message.of(Role.TOOL, "{}"), assistant)));
  }

  @Test
  void relevanceIsTheCosineOfTfIdfVectors() {
    DocumentFrequencies df = new DocumentFrequencies();
    Words refund = Words.of("refund refund invoice");
    Words profile = Words.of("refund");
    Words recipe = Words.of("boil eggs");
    TermVector.TermCounts r = TermVector.count(refund.terms, refund.count);
    df.add(r.ids());
    df.add(TermVector.count(recipe.terms, recipe.count).ids());
    // N = 2; refund and invoice in one document: idf = ln(3/2) + 1 for both.
    // Weights: refund (1 + ln 2), invoice 1, same idf: cosine = (1 + ln 2) / sqrt((1 + ln 2)^2 +
    // 1).
    double expected = (1 + Math.log(2)) / Math.sqrt(Math.pow(1 + Math.log(2), 2) + 1);
    TermVector p = TermVector.weigh(TermVector.count(profile.terms, profile.count), df);
    assertEquals(expected, TermVector.weigh(r, df).cosine(p), 1e-12);
    assertEquals(
        0.0, TermVector.weigh(TermVector.count(recipe.terms, recipe.count), df).cosine(p), 1e-12);
  }

  @Test
  void conflictsNeedTheSameFoldedQuestionAndDivergingAnswers() {
    assertEquals(
        Conflicts.questionKey("Do you deliver on Sundays?"),
        Conflicts.questionKey("do you  deliver on sundays"));
    assertNull(Conflicts.questionKey("hi there"));
    Conflicts.Answer yes = Conflicts.Answer.of("a", "q", "Yes, we deliver on Sundays.");
    Conflicts.Answer no =
        Conflicts.Answer.of("b", "q", "No, parcels come Monday to Saturday only.");
    Conflicts.Answer same = Conflicts.Answer.of("c", "q", "Yes, we deliver on Sundays!");
    // yes vs no share "we"? no: {yes, we, deliver, on, sundays} vs {no, parcels, come, monday,
    // to, saturday, only}: Jaccard 0.
    assertEquals(0.0, SortedLongSets.jaccard(yes.words(), no.words()), 1e-12);
    assertEquals(1.0, SortedLongSets.jaccard(yes.words(), same.words()), 1e-12);
    List<Conflicts.Pair> pairs = Conflicts.pairs(List.of(yes, no, same), 0.3);
    assertEquals(2, pairs.size());
    assertEquals("a", pairs.get(0).firstId());
    assertEquals("b", pairs.get(0).secondId());
  }

  @Test
  void aQuestionsSampleIsItsAnswersWithTheSmallestIdHashesWhateverTheOrder() {
    List<Conflicts.Answer> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(Conflicts.Answer.of("id-" + i, "q", "answer " + i));
    }
    List<Conflicts.Answer> expected =
        answers.stream().sorted(Conflicts.ANSWER_ORDER).limit(Conflicts.PER_QUESTION).toList();
    for (long seed = 0; seed < 3; seed++) {
      List<Conflicts.Answer> shuffled = new ArrayList<>(answers);
      Collections.shuffle(shuffled, new Random(seed));
      Conflicts.AnswerSample sample = new Conflicts.AnswerSample();
      shuffled.forEach(sample::add);
      assertEquals(expected, sample.answers());
    }
  }

  @Test
  void quantileBoundIsTheBucketsUpperEdge() {
    long[] histogram = new long[32];
    histogram[3] = 5; // 4-7 tokens
    histogram[7] = 5; // 64-127 tokens
    assertEquals(7, TaskQuality.quantileBound(histogram, 10, 0.5));
    assertEquals(127, TaskQuality.quantileBound(histogram, 10, 0.95));
  }
}
