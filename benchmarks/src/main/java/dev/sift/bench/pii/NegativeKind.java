package dev.sift.bench.pii;

import java.util.Locale;

/** The kinds of look-alike values the evaluation set plants, which must survive untouched. */
public enum NegativeKind {
  /** {@code ORD-2024-118734}, {@code #A1B2C3}, {@code PO-77812}. */
  ORDER_NUMBER,
  /**
   * Nine digits with no separators after a non-SSN label ("order 536228714"): digits that the SSN
   * rules allow (area not 000, 666 or 9xx; group not 00; serial not 0000), so only the format and
   * the context tell them from an SSN. Planted SSNs are always dashed or spaced.
   */
  NINE_DIGIT_NUMBER,
  /** UPS {@code 1Z...}, USPS 22 digits in groups of four, Royal Mail {@code AB123456785GB}. */
  TRACKING_CODE,
  /** {@code $1,249.99}, {@code €89}, {@code 89,00 €}. */
  PRICE,
  /** {@code v2.14.3}, {@code 10.0.19045}, {@code Chrome 123.0.6312.86}. */
  VERSION,
  /**
   * A date not introduced as a birth date: {@code 2024-03-14}, {@code March 3}, {@code 14/03/2024}.
   */
  PLAIN_DATE,
  /** {@code 2024-03-14T10:22:05Z} and log timestamps. */
  TIMESTAMP,
  /** SKUs and product codes: {@code SKU-BLK-42-XL}, {@code B08N5WRWNW}. */
  PRODUCT_CODE,
  /** {@code #FF5733}, {@code #1a2b3c}. */
  HEX_COLOUR,
  UUID,
  /** Full and short git commit hashes. */
  COMMIT_HASH,
  /** {@code INV-2024-00871}. */
  INVOICE_NUMBER,
  /** Sixteen digits, grouped like a card number, that fail the Luhn check (gift cards, loyalty). */
  NON_LUHN_NUMBER,
  /** A word that is also a first name, capitalised at a sentence start: "Will you", "May I". */
  CAPITALISED_WORD,
  /** Product names: {@code Quillstack Teams}, {@code Aero Kettle 2}. */
  PRODUCT_NAME,
  /** Company names: {@code Parcelly}, {@code Northwind Traders}. */
  COMPANY_NAME,
  /** A city named on its own, not in an address: "our warehouse in Rotterdam". */
  CITY,
  /** A link without credentials or tokens. */
  PLAIN_URL;

  /** The name used in the evaluation set's JSON and in the bench's tables. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
