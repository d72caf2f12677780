package dev.sift.bench.pii;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** An invented person: a first name, a family name and the title a letter would use. */
record Person(String first, String last, String title) {

  // Drawn from many languages on purpose: a detector that knows only common US names misses
  // most of the world. Words that are also common English words (Will, May, Grace, Bill, Mark,
  // Hope, June) are left out here; the set plants them as hard negatives instead.
  private static final List<String> WOMEN =
      List.of(
          "Priya",
          "Ananya",
          "Lakshmi",
          "Ngozi",
          "Chiamaka",
          "Adaeze",
          "Funmilayo",
          "Amara",
          "Thandiwe",
          "Nomvula",
          "Mei",
          "Xiuying",
          "Yuki",
          "Haruka",
          "Seo-yeon",
          "Ji-woo",
          "Thảo",
          "Agnieszka",
          "Małgorzata",
          "Zofia",
          "Katarzyna",
          "Lena",
          "Ingrid",
          "Sigrid",
          "Aoife",
          "Niamh",
          "Siobhan",
          "María",
          "Lucía",
          "Beatriz",
          "Gabriela",
          "Camille",
          "Élodie",
          "Chloé",
          "Zoë",
          "Fatima",
          "Aisha",
          "Yasmin",
          "Leila",
          "Elif",
          "Zeynep",
          "Olga",
          "Sarah",
          "Emily",
          "Laura",
          "Hannah",
          "Jessica",
          "Anna",
          "Olivia",
          "Nadia",
          "Maria");
  private static final List<String> MEN =
      List.of(
          "Chinedu",
          "Oluwaseun",
          "Emeka",
          "Tunde",
          "Kwame",
          "Kofi",
          "Sipho",
          "Arjun",
          "Rahul",
          "Vikram",
          "Sanjay",
          "Aditya",
          "Wei",
          "Hao",
          "Zhiwei",
          "Jianguo",
          "Hiroshi",
          "Kenji",
          "Min-jun",
          "Minh",
          "Krzysztof",
          "Łukasz",
          "Piotr",
          "Tomasz",
          "Jonas",
          "Lukas",
          "Matthias",
          "Carlos",
          "Javier",
          "Diego",
          "Mateo",
          "João",
          "Rafael",
          "Pierre",
          "Étienne",
          "Mohammed",
          "Omar",
          "Yusuf",
          "Mehmet",
          "Dmitri",
          "Lars",
          "Sven",
          "Oisín",
          "Liam",
          "Ethan",
          "Daniel",
          "Thomas",
          "David",
          "James",
          "Michael",
          "Tom",
          "Ben",
          "Jonah");
  private static final List<String> FAMILY =
      List.of(
          "Okafor",
          "Adeyemi",
          "Okonkwo",
          "Balogun",
          "Eze",
          "Nwosu",
          "Mensah",
          "Dlamini",
          "Ndlovu",
          "Raghavan",
          "Mehta",
          "Iyer",
          "Sharma",
          "Krishnan",
          "Banerjee",
          "Zhang",
          "Chen",
          "Liu",
          "Wang",
          "Huang",
          "Tanaka",
          "Sato",
          "Kim",
          "Park",
          "Nguyen",
          "Tran",
          "Nowak",
          "Mazur",
          "Krawczyk",
          "Wójcik",
          "Fischer",
          "Müller",
          "Schmidt",
          "Becker",
          "Hoffmann",
          "García",
          "Fernández",
          "López",
          "García-López",
          "Dubois",
          "Lefèvre",
          "Moreau",
          "Rossi",
          "Bianchi",
          "Haddad",
          "Khalil",
          "Aziz",
          "Yılmaz",
          "Demir",
          "O'Brien",
          "Murphy",
          "Walsh",
          "Johansson",
          "Sørensen",
          "Andersen",
          "Smith",
          "Johnson",
          "Taylor",
          "Williams",
          "McAllister",
          "van der Berg",
          "de Souza",
          "Silva",
          "Costa");

  static Person draw(Random rng) {
    boolean woman = rng.nextBoolean();
    String first = Pick.one(rng, woman ? WOMEN : MEN);
    String title =
        rng.nextInt(6) == 0 ? "Dr." : woman ? Pick.one(rng, List.of("Ms.", "Mrs.", "Ms")) : "Mr.";
    return new Person(first, Pick.one(rng, FAMILY), title);
  }

  String full() {
    return first + " " + last;
  }

  /** The name as an e-mail local part would spell it: ASCII, lower case, no spaces. */
  static String ascii(String name) {
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("ł", "l")
            .replace("Ł", "L")
            .replace("ø", "o")
            .replace("ı", "i");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
