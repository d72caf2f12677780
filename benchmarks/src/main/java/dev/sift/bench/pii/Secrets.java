package dev.sift.bench.pii;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.sift.schemas.EntityType;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Draws the secrets the evaluation set plants, in the shapes the providers issue them, and links
 * that carry credentials. A value's gold span is the secret itself, not the key it is assigned to.
 */
final class Secrets {
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String URL_SAFE = ALNUM + "_-";
  private static final String BASE64 = ALNUM + "+/";
  private static final String PASSWORD = ALNUM + "!#$%&*+-?@^_~";

  private static final List<String> ASSIGNMENT_KEYS =
      List.of(
          "password",
          "DB_PASSWORD",
          "api_token",
          "apiKey",
          "client_secret",
          "SECRET_KEY",
          "auth_token",
          "smtp_password",
          "STRIPE_WEBHOOK_SECRET");

  private Secrets() {}

  /** A provider token as it is pasted alone: cloud, source host, LLM, chat, Google, Stripe, JWT. */
  static String token(Random rng) {
    return switch (rng.nextInt(12)) {
      case 0 -> Pick.of(rng, "AKIA", "ASIA") + Pick.chars(rng, BASE32, 16);
      case 1 -> Pick.of(rng, "ghp_", "gho_", "ghs_", "ghu_") + Pick.chars(rng, ALNUM, 36);
      case 2 -> "github_pat_11" + Pick.chars(rng, BASE32, 20) + "_" + Pick.chars(rng, ALNUM, 59);
      case 3 -> "glpat-" + Pick.chars(rng, URL_SAFE, 20);
      case 4 -> "sk-" + Pick.chars(rng, ALNUM, 20) + "T3BlbkFJ" + Pick.chars(rng, ALNUM, 20);
      case 5 ->
          "sk-proj-" + Pick.chars(rng, URL_SAFE, 74) + "T3BlbkFJ" + Pick.chars(rng, URL_SAFE, 74);
      case 6 -> "sk-ant-api03-" + Pick.chars(rng, URL_SAFE, 93) + "AA";
      case 7 ->
          "xoxb-"
              + Pick.digits(rng, 12)
              + "-"
              + Pick.digits(rng, 13)
              + "-"
              + Pick.chars(rng, ALNUM, 24);
      case 8 ->
          "xoxp-"
              + Pick.digits(rng, 12)
              + "-"
              + Pick.digits(rng, 12)
              + "-"
              + Pick.digits(rng, 13)
              + "-"
              + PiiValues.hex(rng, 32);
      case 9 -> "AIza" + Pick.chars(rng, URL_SAFE, 35);
      case 10 ->
          Pick.of(rng, "sk_live_", "rk_live_") + Pick.chars(rng, ALNUM, Pick.between(rng, 24, 99));
      default -> jwt(rng);
    };
  }

  /** A signed JSON Web Token: header, claims and signature, each base64url. */
  static String jwt(Random rng) {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String header =
        Pick.of(
            rng,
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
            "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + PiiValues.hex(rng, 8) + "\"}");
    long issued = 1_700_000_000L + rng.nextInt(50_000_000);
    String claims =
        "{\"sub\":\"usr_"
            + Pick.chars(rng, ALNUM, 12)
            + "\",\"iat\":"
            + issued
            + ",\"exp\":"
            + (issued + 3600)
            + ",\"scope\":\"read write\"}";
    byte[] signature = new byte[32];
    rng.nextBytes(signature);
    return encoder.encodeToString(header.getBytes(UTF_8))
        + "."
        + encoder.encodeToString(claims.getBytes(UTF_8))
        + "."
        + encoder.encodeToString(signature);
  }

  /** A PEM private-key block, as pasted from a key file: its gold span is the whole block. */
  static String privateKey(Random rng) {
    String kind =
        Pick.of(rng, "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY");
    String opening =
        switch (kind) {
          case "RSA PRIVATE KEY" -> "MIIEowIBAAKCAQEA";
          case "PRIVATE KEY" -> "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
          case "EC PRIVATE KEY" -> "MHcCAQEEI";
          default -> "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ";
        };
    StringBuilder body =
        new StringBuilder(opening).append(Pick.chars(rng, BASE64, 64 - opening.length()));
    int lines = Pick.between(rng, 4, 12);
    for (int i = 1; i < lines; i++) {
      body.append('\n').append(Pick.chars(rng, BASE64, 64));
    }
    body.append('\n').append(Pick.chars(rng, BASE64, Pick.between(rng, 8, 60))).append("==");
    return "-----BEGIN " + kind + "-----\n" + body + "\n-----END " + kind + "-----";
  }

  /**
   * A {@code key=value} line (or {@code key: value}, {@code "key": "value"}) with a high-entropy
   * value; only the value is gold.
   */
  static void assignment(Random rng, LabelledText text) {
    String key = Pick.one(rng, ASSIGNMENT_KEYS);
    String value = Pick.chars(rng, PASSWORD, Pick.between(rng, 16, 32));
    switch (rng.nextInt(4)) {
      case 0 -> text.say(key + "=").pii(EntityType.SECRET, value);
      case 1 -> text.say(key + ": ").pii(EntityType.SECRET, value);
      case 2 -> text.say("\"" + key + "\": \"").pii(EntityType.SECRET, value).say("\"");
      default -> text.say(key + " = '").pii(EntityType.SECRET, value).say("'");
    }
  }

  /** An AWS credentials-file pair: access key id and secret access key, two gold spans. */
  static void awsCredentials(Random rng, LabelledText text) {
    text.say("aws_access_key_id = ")
        .pii(EntityType.SECRET, "AKIA" + Pick.chars(rng, BASE32, 16))
        .say("\naws_secret_access_key = ")
        .pii(EntityType.SECRET, Pick.chars(rng, BASE64, 40));
  }

  /** A link whose user info, token parameter or signature grants access: gold is the whole link. */
  static String credentialUrl(Random rng) {
    String user = Pick.of(rng, "deploy", "admin", "svc_reports", "app_user", "ci-bot", "readonly");
    String password = Pick.chars(rng, ALNUM, Pick.between(rng, 12, 24));
    String host =
        Pick.of(
            rng,
            "db.northwind.io",
            "git.acme-internal.net",
            "reports.tidepool.nl",
            "10.20.4.17",
            "warehouse.kestrel-design.de");
    return switch (rng.nextInt(8)) {
      case 0 -> "https://" + user + ":" + password + "@" + host + "/exports/latest.csv";
      case 1 ->
          "postgres://"
              + user
              + ":"
              + password
              + "@"
              + host
              + ":5432/"
              + Pick.of(rng, "prod", "billing", "analytics");
      case 2 ->
          "mongodb+srv://"
              + user
              + ":"
              + password
              + "@cluster0."
              + Pick.chars(rng, "abcdefghijklmnopqrstuvwxyz0123456789", 5)
              + ".mongodb.net/prod?retryWrites=true";
      case 3 ->
          "redis://:" + password + "@cache." + Pick.of(rng, "internal", "northwind.io") + ":6379/0";
      case 4 ->
          "https://api.stackhouse.dev/v1/exports/"
              + Pick.digits(rng, 6)
              + "?access_token="
              + Pick.chars(rng, ALNUM, 32);
      case 5 ->
          "https://hooks.tidepool.nl/ingest?api_key=" + Pick.chars(rng, ALNUM, 28) + "&source=web";
      case 6 ->
          "https://"
              + Pick.of(rng, "acmestorage", "nwbackups", "kestrelassets")
              + ".blob.core.windows.net/exports/report.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-06-30T00:00:00Z&sig="
              + Pick.chars(rng, ALNUM, 43)
              + "%3D";
      default ->
          "https://s3.eu-west-1.amazonaws.com/acme-invoices/2024/inv.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-Signature="
              + PiiValues.hex(rng, 64);
    };
  }
}
