package dev.sift.transforms.quality;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnglishFunctionWordsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Hi, my name is James Sørensen. Could you send me a copy of invoice? Our accounts team"
            + " can't find it.",
        "What is the top-up limit for my card?",
        "Why won't my card accept any transactions?",
        "I’m sorry about that. I can see both charges on your account, and I have refunded the"
            + " second one.",
        "THANK YOU, THAT WORKED",
        "Quick one before my meeting. What's the tallest mountain in Africa? Kilimanjaro, in"
            + " Tanzania, at 5,895 metres.",
      })
  void passesPlainEnglish(String sample) {
    assertTrue(EnglishFunctionWords.dominate(sample), sample);
  }

  /**
   * Support chat in other languages, with English product words in it, and text full of the words
   * left out of the list because other languages write them too.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Hallo, ich will das Update installieren, aber die App zeigt also immer noch den Login"
            + " Screen. Was kann ich tun?",
        "Hola, la app no funciona desde el update. Me sale un error en el login, ¿me pueden"
            + " ayudar con el reset del password?",
        "Bonjour, je n'arrive pas à faire le login sur l'app depuis la mise à jour, pouvez-vous"
            + " m'aider avec le reset ?",
        "Ciao, ho fatto il login ma la app non mostra il mio account premium. Potete controllare"
            + " il ticket?",
        "Hallo, ik had gisteren een ticket aangemaakt want de app was offline. Is het probleem al"
            + " opgelost?",
        "Olá, não consigo fazer login na app depois do update. O suporte pode ajudar com o reset"
            + " da password?",
        "Are dreptul la viață, la libertate și la securitatea persoanei sale. Are un cont nou.",
        "Jeg vil gerne have hjælp med min konto, og jeg har glemt min kode.",
        "Det är just det jag menar, appen kraschar när jag loggar in.",
        "My chcemy to zrobić dziś, ale my nie mamy konta.",
        "Renren you tong gong tong cou li quanli, you quan xiangsou gongze, you holi xianzi.",
      })
  void defersOnOtherLanguages(String sample) {
    assertFalse(EnglishFunctionWords.dominate(sample), sample);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "the the the the",
        "Kilimanjaro Tanzania Africa metres mountain",
        "The invoice INV-2291 for Bahnhofstraße 94, Düsseldorf, Damrak 276, Amsterdam, Rue de"
            + " Rivoli 12, Paris, Calle Mayor 8, Madrid, Via Roma 3, Milano",
      })
  void defersWithoutEnoughDifferentFunctionWords(String sample) {
    assertFalse(EnglishFunctionWords.dominate(sample), sample);
  }
}
