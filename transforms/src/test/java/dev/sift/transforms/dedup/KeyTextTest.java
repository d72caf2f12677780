package dev.sift.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sift.schemas.spec.DedupSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyTextTest {
  private static final KeyText DEFAULT = new KeyText(DedupSpec.standard());
  private static final KeyText UNMASKED =
      new KeyText(new DedupSpec(null, null, null, null, null, null, List.of(), null));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Hi, I'm Anna and order 12345 never arrived.|hi, i'm <name> and order 0 never arrived.",
        "Anna wrote to Ben Miller-Jones today|anna wrote to <name> <name> today",
        "Ask NASA or Quillstack.|ask nasa or <name>.",
        "Mail jane.doe+x@example.com or @jdoe_42 now|mail <name> or <name> now",
        "user@host is not an address|user@host is not an address",
        "Paid $1,299.00 on 2026-03-01 at 10:45|paid $0 on 0 at 0",
        "Call [PERSON_1] or <EMAIL_2> re {{ phone }}|call <pii> or <pii> re <pii>",
        "ＦＵＬＬ width ﬁle  and\t\tspaces|full width file and spaces",
        "Straße STRASSE|strasse strasse",
        "Dear  Chloé, thanks|dear <name>, thanks",
        "x.Y not a name; Foo after period. Bar|x.y not a name; foo after period. bar",
      })
  void foldsFormNamesNumbersAndPlaceholders(String text, String folded) {
    assertEquals(folded, DEFAULT.fold(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Hi, I'm Anna and order 12345 never arrived.|hi, i'm anna and order 12345 never arrived.",
        "Call [PERSON_1] today|call <pii> today",
      })
  void withoutMasksKeepsNamesAndNumbers(String text, String folded) {
    assertEquals(folded, UNMASKED.fold(text));
  }
}
