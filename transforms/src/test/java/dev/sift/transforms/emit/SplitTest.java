package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Fingerprint;
import org.junit.jupiter.api.Test;

class SplitTest {

  @Test
  void holdsOutCloseToTheFractionAndAlwaysTheSameIds() {
    int validation = 0;
    for (int i = 0; i < 20_000; i++) {
      String id = Fingerprint.of("conversation", Integer.toString(i)).hex128();
      String side = Split.of(id, 0.1);
      assertEquals(side, Split.of(id, 0.1));
      if (side.equals(Split.VALIDATION)) {
        validation++;
      }
    }
    assertTrue(Math.abs(validation - 2_000) < 150, "validation share off: " + validation);
  }

  @Test
  void aLargerFractionOnlyMovesConversationsIntoValidation() {
    for (int i = 0; i < 2_000; i++) {
      String id = Fingerprint.of(Integer.toString(i)).hex128();
      if (Split.of(id, 0.1).equals(Split.VALIDATION)) {
        assertEquals(Split.VALIDATION, Split.of(id, 0.2));
      }
    }
  }
}
