package dev.sift.bench.pii;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Street addresses in the conventions of the US, the UK, France, Germany, the Netherlands, India
 * and Australia; on one line with commas, or over several lines as on an envelope.
 */
final class Addresses {
  private record Town(String city, String region, String postcodePrefix) {}

  private static final List<Town> US =
      List.of(
          new Town("Mountain View", "CA", "940"),
          new Town("New York", "NY", "100"),
          new Town("Chicago", "IL", "606"),
          new Town("Seattle", "WA", "981"),
          new Town("Denver", "CO", "802"),
          new Town("Boston", "MA", "021"),
          new Town("Austin", "TX", "787"),
          new Town("Atlanta", "GA", "303"),
          new Town("Portland", "OR", "972"));
  private static final List<String> US_STREETS =
      List.of(
          "Maple",
          "Oak",
          "Cedar",
          "Washington",
          "Lincoln",
          "Sunset",
          "Amphitheatre",
          "Fifth",
          "Lakeview",
          "Highland",
          "Mission",
          "Market",
          "Elm",
          "Willow");
  private static final List<String> US_SUFFIXES =
      List.of(
          "Street",
          "St",
          "Avenue",
          "Ave",
          "Road",
          "Rd",
          "Boulevard",
          "Blvd",
          "Parkway",
          "Lane",
          "Drive",
          "Dr",
          "Court",
          "Way");

  private static final List<Town> UK =
      List.of(
          new Town("London", "", "NW1"),
          new Town("London", "", "SE15"),
          new Town("London", "", "E2"),
          new Town("London", "", "SW11"),
          new Town("Manchester", "", "M14"),
          new Town("Leeds", "", "LS6"),
          new Town("Bristol", "", "BS8"),
          new Town("Edinburgh", "", "EH3"),
          new Town("Cardiff", "", "CF10"));
  private static final List<String> UK_STREETS =
      List.of(
          "Baker",
          "Victoria",
          "Church",
          "Station",
          "Albert",
          "Queen's",
          "Mill",
          "Kingsley",
          "Marlborough",
          "Westbourne");
  private static final List<String> UK_SUFFIXES =
      List.of("Street", "Road", "Lane", "Close", "Gardens", "Crescent", "Avenue", "Terrace");
  private static final String UK_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

  private static final List<String> FR_STREETS =
      List.of(
          "rue de Rivoli",
          "Rue de la Paix",
          "avenue des Champs-Élysées",
          "boulevard Saint-Germain",
          "rue Oberkampf",
          "rue du Faubourg Saint-Antoine",
          "quai de la Tournelle");
  private static final List<String> DE_STREETS =
      List.of(
          "Hauptstraße",
          "Schillerstraße",
          "Friedrichstraße",
          "Bahnhofstraße",
          "Königsallee",
          "Goethestraße",
          "Lindenweg",
          "Am Markt");
  private static final List<Town> DE =
      List.of(
          new Town("Berlin", "", "101"),
          new Town("München", "", "803"),
          new Town("Hamburg", "", "203"),
          new Town("Köln", "", "506"),
          new Town("Düsseldorf", "", "402"));
  private static final List<String> NL_STREETS =
      List.of("Keizersgracht", "Prinsengracht", "Damrak", "Coolsingel", "Oudegracht");
  private static final List<String> IN_AREAS =
      List.of(
          "Indiranagar, Bengaluru 5600",
          "Koramangala, Bengaluru 5600",
          "Andheri West, Mumbai 4000",
          "Salt Lake, Kolkata 7000",
          "Banjara Hills, Hyderabad 5000");
  private static final List<String> AU_SUBURBS =
      List.of(
          "Surry Hills NSW 20",
          "Fitzroy VIC 30",
          "New Farm QLD 40",
          "Fremantle WA 61",
          "Glenelg SA 50");

  private Addresses() {}

  static String draw(Random rng, boolean multiline) {
    String[] lines =
        switch (rng.nextInt(7)) {
          case 0, 1 -> us(rng);
          case 2 -> uk(rng);
          case 3 -> france(rng);
          case 4 -> germany(rng);
          case 5 -> rng.nextBoolean() ? netherlands(rng) : india(rng);
          default -> australia(rng);
        };
    return String.join(multiline ? "\n" : ", ", lines);
  }

  private static String[] us(Random rng) {
    Town town = Pick.one(rng, US);
    String street =
        Pick.between(rng, 1, 9999)
            + " "
            + Pick.one(rng, US_STREETS)
            + " "
            + Pick.one(rng, US_SUFFIXES);
    String cityLine =
        town.city() + ", " + town.region() + " " + town.postcodePrefix() + Pick.digits(rng, 2);
    if (Pick.chance(rng, 30)) {
      String unit =
          Pick.of(rng, "Apt ", "Suite ", "Unit ")
              + Pick.between(rng, 1, 40)
              + Pick.of(rng, "", "A", "B", "C");
      return rng.nextBoolean()
          ? new String[] {unit, street, cityLine}
          : new String[] {street + " " + unit, cityLine};
    }
    return new String[] {street, cityLine};
  }

  private static String[] uk(Random rng) {
    Town town = Pick.one(rng, UK);
    String number =
        Pick.between(rng, 1, 240) + (Pick.chance(rng, 15) ? Pick.of(rng, "A", "B") : "");
    String street = number + " " + Pick.one(rng, UK_STREETS) + " " + Pick.one(rng, UK_SUFFIXES);
    String postcode =
        town.postcodePrefix()
            + " "
            + Pick.between(rng, 1, 9)
            + Pick.chars(rng, UK_INWARD_LETTERS, 2);
    String cityLine = town.city() + " " + postcode;
    return Pick.chance(rng, 25)
        ? new String[] {"Flat " + Pick.between(rng, 1, 12), street, cityLine}
        : new String[] {street, cityLine};
  }

  private static String[] france(Random rng) {
    boolean paris = Pick.chance(rng, 70);
    String postcode =
        paris
            ? "750" + String.format(Locale.ROOT, "%02d", Pick.between(rng, 1, 20))
            : "6900" + Pick.between(rng, 1, 9);
    return new String[] {
      Pick.between(rng, 1, 180) + Pick.of(rng, "", "", " bis") + " " + Pick.one(rng, FR_STREETS),
      postcode + " " + (paris ? "Paris" : "Lyon")
    };
  }

  private static String[] germany(Random rng) {
    Town town = Pick.one(rng, DE);
    return new String[] {
      Pick.one(rng, DE_STREETS) + " " + Pick.between(rng, 1, 140) + Pick.of(rng, "", "", "a"),
      town.postcodePrefix() + Pick.digits(rng, 2) + " " + town.city()
    };
  }

  private static String[] netherlands(Random rng) {
    return new String[] {
      Pick.one(rng, NL_STREETS) + " " + Pick.between(rng, 1, 400),
      Pick.between(rng, 1011, 1109)
          + " "
          + Pick.chars(rng, "ABCEGHJKLMNPRSTVWXZ", 2)
          + " "
          + Pick.of(rng, "Amsterdam", "Rotterdam", "Utrecht")
    };
  }

  private static String[] india(Random rng) {
    return new String[] {
      "Flat "
          + Pick.between(rng, 101, 904)
          + ", "
          + Pick.of(rng, "Lotus Residency", "Prestige Towers", "Sai Krupa Apartments"),
      Pick.between(rng, 4, 19) + Pick.of(rng, "th Cross Road", "th Main Road"),
      Pick.one(rng, IN_AREAS) + Pick.digits(rng, 2)
    };
  }

  private static String[] australia(Random rng) {
    return new String[] {
      Pick.between(rng, 1, 300)
          + " "
          + Pick.of(rng, "Crown", "George", "Brunswick", "Oxford", "Hay")
          + " "
          + Pick.of(rng, "Street", "St", "Road"),
      Pick.one(rng, AU_SUBURBS) + Pick.digits(rng, 2)
    };
  }
}
