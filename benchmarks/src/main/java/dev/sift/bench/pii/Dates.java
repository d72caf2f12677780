package dev.sift.bench.pii;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Dates and times in the forms people and logs write them. */
final class Dates {
  private static final List<DateTimeFormatter> FULL_DATES =
      List.of(
          DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT),
          DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT),
          DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT),
          DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT),
          DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
  private static final List<DateTimeFormatter> SHORT_DATES =
      List.of(
          DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH));
  private static final List<DateTimeFormatter> TIMESTAMPS =
      List.of(
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT),
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+01:00'", Locale.ROOT),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT),
          DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss '+0000'", Locale.ENGLISH));

  private Dates() {}

  /** A birth date between 1940 and 2005. */
  static LocalDate birthDay(Random rng) {
    return LocalDate.of(1940, 1, 1).plusDays(rng.nextInt(66 * 365));
  }

  /** {@code date} in any of the full-date forms. */
  static String fullDate(Random rng, LocalDate date) {
    return Pick.one(rng, FULL_DATES).format(date);
  }

  /** A recent date, in a full form ({@code 2024-03-14}, {@code 14/03/2024}) or a short one. */
  static String recentDate(Random rng) {
    LocalDate date = recent(rng);
    return Pick.one(rng, Pick.chance(rng, 55) ? FULL_DATES : SHORT_DATES).format(date);
  }

  static String timestamp(Random rng) {
    LocalDateTime time = recent(rng).atTime(rng.nextInt(24), rng.nextInt(60), rng.nextInt(60));
    return Pick.one(rng, TIMESTAMPS).format(time.plusNanos(rng.nextInt(1000) * 1_000_000L));
  }

  private static LocalDate recent(Random rng) {
    return LocalDate.of(2023, 1, 1).plusDays(rng.nextInt(3 * 365));
  }
}
