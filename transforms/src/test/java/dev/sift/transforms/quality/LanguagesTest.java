package dev.sift.transforms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguagesTest {
  private static final Languages DEFAULT =
      Languages.of(List.of("en"), List.of("de", "es", "fr", "it", "nl", "pt"));

  /** A support exchange in each language of the default spec, each longer than the sample. */
  private static final Map<String, String> EXCHANGES =
      Map.of(
          "en",
          "Hi, I was charged twice for my subscription this month and I would like a refund for"
              + " the second payment.\nI am sorry about that. I can see both charges on your"
              + " account, and I have refunded the second one; it should reach your card within"
              + " five working days.",
          "de",
          "Hallo, mir wurde mein Abonnement diesen Monat zweimal berechnet und ich hätte gern die"
              + " zweite Zahlung zurück.\nDas tut mir leid. Ich sehe beide Abbuchungen auf Ihrem"
              + " Konto und habe die zweite erstattet; das Geld sollte innerhalb von fünf"
              + " Werktagen auf Ihrer Karte sein.",
          "es",
          "Hola, este mes me cobraron dos veces la suscripción y quisiera que me devolvieran el"
              + " segundo pago.\nLo siento mucho. Veo los dos cargos en su cuenta y ya le he"
              + " reembolsado el segundo; debería llegar a su tarjeta en un plazo de cinco días"
              + " hábiles.",
          "fr",
          "Bonjour, on m'a facturé deux fois mon abonnement ce mois-ci et je voudrais être"
              + " remboursé du second paiement.\nJe suis désolé. Je vois les deux prélèvements sur"
              + " votre compte et j'ai remboursé le second ; il devrait arriver sur votre carte"
              + " sous cinq jours ouvrés.",
          "it",
          "Buongiorno, questo mese mi hanno addebitato due volte l'abbonamento e vorrei il"
              + " rimborso del secondo pagamento.\nMi dispiace. Vedo entrambi gli addebiti sul suo"
              + " conto e ho rimborsato il secondo; dovrebbe arrivare sulla sua carta entro cinque"
              + " giorni lavorativi.",
          "nl",
          "Hallo, mijn abonnement is deze maand twee keer afgeschreven en ik wil graag de tweede"
              + " betaling terug.\nDat spijt me. Ik zie beide afschrijvingen op uw rekening en heb"
              + " de tweede terugbetaald; het bedrag staat binnen vijf werkdagen weer op uw"
              + " kaart.",
          "pt",
          "Olá, este mês cobraram a minha assinatura duas vezes e gostaria de receber o reembolso"
              + " do segundo pagamento.\nPeço desculpa. Vejo as duas cobranças na sua conta e já"
              + " reembolsei a segunda; o valor deve chegar ao seu cartão dentro de cinco dias"
              + " úteis.");

  /** What {@code Measured} does with a conversation's turns, for one text. */
  private static String detect(Languages languages, String text) {
    StringBuilder sample = new StringBuilder();
    Languages.appendWords(sample, text);
    return languages.detect(sample);
  }

  @Test
  void detectsTheLanguageOfAnExchangeFromItsFirstCharacters() {
    EXCHANGES.forEach(
        (code, text) -> {
          assertTrue(text.length() > Languages.SAMPLE_CHARS, code);
          assertEquals(code, detect(DEFAULT, text), text);
        });
  }

  @Test
  void anEnglishExchangeStaysEnglishWhenItNamesPeopleWithAccents() {
    assertEquals(
        "en",
        detect(
            DEFAULT,
            "Hi, I'm José. I ordered a coffee machine from your café shop last week and it still"
                + " has not arrived, can you check?"));
    assertEquals(
        "en",
        detect(
            DEFAULT,
            "My name is Zoë Müller and I cannot log in to my account since yesterday, the reset"
                + " link does not work."));
  }

  @Test
  void anEnglishExchangeStaysEnglishAmongUrlsKeysAndIds() {
    assertEquals(
        "en",
        detect(
            DEFAULT,
            "The job pulls from https://kestrelassets.blob.core.windows.net/exports/report.csv"
                + "?sv=2022-11-02&ss=b&sig=XKICtt5lkxkBM2T6CLjZvM7UzvjKskyDki0wNy824fh%3D every"
                + " hour, key AKIAQX7Z4MBNE2K9VWTP, ticket INC-88213-B, build v4.12.0-rc3."));
  }

  /** Lingua alone answers German and Dutch for these (BANKING77 questions, synthetic logs). */
  @Test
  void plainEnglishIsEnglishWhateverItsNamesAndLength() {
    assertEquals("en", detect(DEFAULT, "What is the top-up limit for my card?"));
    assertEquals("en", detect(DEFAULT, "What is the maximum I can top up?"));
    assertEquals(
        "en",
        detect(
            DEFAULT,
            "Hi, my name is Siobhan Hoffmann. Our direct debit failed on 15 November 2025 and now"
                + " the workspace says payment is overdue. Hi Siobhan, thanks for reaching out. My"
                + " name is Małgorzata and I'll be helping you today."));
  }

  @Test
  void englishIsOnlyAnsweredWhenItIsACandidate() {
    Languages germanOrFrench = Languages.of(List.of("de"), List.of("fr"));
    assertNotEquals("en", detect(germanOrFrench, EXCHANGES.get("en")));
  }

  @Test
  void theSampleKeepsProseWordsAndLeavesOutCodesIdsAndAddresses() {
    StringBuilder sample = new StringBuilder();
    Languages.appendWords(
        sample, "Hi [PERSON_1], mail ops@acme.example or see https://x.example/a?b=c at 10:30.");
    Languages.appendWords(sample, "Ticket A1B2 is #42; 我在2023年买的 <b>bold</b>  fine");
    assertEquals("Hi mail or see at 10:30. Ticket is 我在2023年买的 fine", sample.toString());
  }

  @Test
  void theSampleStopsAtItsLength() {
    StringBuilder sample = new StringBuilder();
    Languages.appendWords(sample, "word ".repeat(100));
    Languages.appendWords(sample, "more");
    assertTrue(sample.length() >= Languages.SAMPLE_CHARS, sample.toString());
    assertTrue(sample.length() < Languages.SAMPLE_CHARS + "word ".length(), sample.toString());
    assertFalse(sample.toString().contains("more"), sample.toString());
  }

  @Test
  void answersUnknownForTextWithoutLetters() {
    assertEquals(Languages.UNKNOWN, detect(DEFAULT, "12345 67890 +++ ..."));
    assertEquals(Languages.UNKNOWN, detect(DEFAULT, ""));
  }

  @Test
  void aSingleExpectedLanguageStillHasAContrast() {
    Languages german = Languages.of(List.of("de"), List.of());
    assertEquals("de", detect(german, EXCHANGES.get("de")));
    assertEquals("en", detect(german, EXCHANGES.get("en")));
  }

  @Test
  void rejectsACodeLinguaDoesNotDetect() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Languages.check(List.of("en", "xx")));
    assertEquals("Lingua cannot detect language 'xx'", e.getMessage());
  }
}
