package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.sift.schemas.EntityType;
import dev.sift.schemas.spec.AnonymizeSpec;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SurrogatesTest {
  private static final Surrogates SURROGATES =
      new Surrogates(new PhoneRecognizer(AnonymizeSpec.DEFAULT_PHONE_REGIONS));

  @Test
  void datesAndIbansAreWrittenInAsciiDigitsWhateverTheDefaultLocale() {
    Locale defaultLocale = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      for (String original :
          List.of("1987-03-12", "12/03/87", "3.12.1987", "GB82 WEST 1234 5698 7654 32")) {
        EntityType type = original.startsWith("GB") ? EntityType.IBAN : EntityType.DATE_OF_BIRTH;
        String fake = SURROGATES.of(type, original, new SplittableRandom(7));
        assertTrue(fake.matches("[0-9A-Z ./-]+"), original + " -> " + fake);
      }
    } finally {
      Locale.setDefault(defaultLocale);
    }
  }

  @Test
  void anInternationalNumberKeepsItsCallingCode() throws Exception {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    for (String original :
        List.of("+44 20 7946 0958", "+1 646-212-1389", "+353 (0)85 146 6039", "+4916018221166")) {
      String fake = SURROGATES.of(EntityType.PHONE, original, new SplittableRandom(7));
      assertEquals(
          util.parse(original, "ZZ").getCountryCode(),
          util.parse(fake, "ZZ").getCountryCode(),
          original + " -> " + fake);
    }
  }

  @Test
  void aNumberWrittenWithDoubleZeroKeepsItsCallingCode() throws Exception {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    String fake = SURROGATES.of(EntityType.PHONE, "0034 917 45 69 69", new SplittableRandom(7));
    assertTrue(fake.startsWith("0034 "), fake);
    assertTrue(util.isValidNumber(util.parse("+" + fake.substring(2), "ZZ")), fake);
  }

  @Test
  void aNationalNumberKeepsTheRegionItIsValidIn() throws Exception {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    // Spain and Italy write numbers without a trunk prefix; Germany and Britain would read these
    // with one added, which the detector does not (see PhoneRecognizer).
    for (String[] numberAndRegion :
        List.of(
            new String[] {"917 45 69 69", "ES"},
            new String[] {"347-191-7169", "IT"},
            new String[] {"020 7946 0958", "GB"},
            new String[] {"030 12345678", "DE"})) {
      String fake = SURROGATES.of(EntityType.PHONE, numberAndRegion[0], new SplittableRandom(7));
      String region = numberAndRegion[1];
      assertTrue(util.isValidNumber(util.parse(fake, region)), numberAndRegion[0] + " -> " + fake);
    }
  }

  @Test
  void aFictionalNorthAmericanNumberGetsOne() throws Exception {
    String fake = SURROGATES.of(EntityType.PHONE, "(415) 555-0123", new SplittableRandom(7));
    assertTrue(fake.matches("\\(\\d{3}\\) 555-01\\d\\d"), fake);
  }

  @Test
  void personWordsKeepTheirCase() {
    SplittableRandom random = new SplittableRandom(1);
    String lower = SURROGATES.personWord("maria", false, random);
    String upper = SURROGATES.personWord("MARIA", false, random);
    String capitalised = SURROGATES.personWord("Maria", true, random);
    assertEquals(lower.toLowerCase(java.util.Locale.ROOT), lower);
    assertEquals(upper.toUpperCase(java.util.Locale.ROOT), upper);
    assertTrue(Character.isUpperCase(capitalised.charAt(0)), capitalised);
  }
}
