package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Credentials: tokens whose shape their issuer fixes (cloud access keys, source-host and
 * chat-platform tokens, LLM-provider and payment API keys, JWTs, PEM private-key blocks), and
 * values assigned to a credential-like name ({@code password=...}, {@code api_token: ...}) when
 * they look random enough to be a real secret rather than a word.
 */
final class SecretRecognizer implements Recognizer {
  /**
   * Token shapes, each with literals one of which every match holds, at most {@code lead}
   * characters after the match's start: the pattern is tried only there, which keeps this
   * recognizer off the bulk of text that holds no secret.
   */
  private static final List<Shape> SHAPES =
      List.of(
          // AWS access key ids.
          new Shape(
              List.of("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"),
              0,
              "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b"),
          // GitHub, GitLab, npm, Hugging Face.
          new Shape(
              List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
              0,
              "\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\\b"),
          new Shape("github_pat_", 0, "\\bgithub_pat_[A-Za-z0-9_]{22,255}\\b"),
          new Shape("glpat-", 0, "\\bglpat-[A-Za-z0-9_-]{20,}"),
          new Shape("npm_", 0, "\\bnpm_[A-Za-z0-9]{36}\\b"),
          new Shape("hf_", 0, "\\bhf_[A-Za-z0-9]{30,}\\b"),
          // OpenAI (sk-, sk-proj-, sk-svcacct-), Anthropic (sk-ant-...), other sk- keys.
          new Shape("sk-", 0, "\\bsk-[A-Za-z0-9_-]{20,}"),
          // Stripe secret, restricted and publishable keys.
          new Shape("_live_", 2, "\\b(?:sk|rk|pk)_live_[A-Za-z0-9]{16,}\\b"),
          new Shape("_test_", 2, "\\b(?:sk|rk|pk)_test_[A-Za-z0-9]{16,}\\b"),
          // Slack tokens and webhooks, Discord webhooks, Telegram bot tokens.
          new Shape("xox", 0, "\\bxox[abposre]-[A-Za-z0-9-]{10,}"),
          new Shape("hooks.slack.com", 8, "https://hooks\\.slack\\.com/services/[A-Za-z0-9/_-]+"),
          new Shape(
              "/api/webhooks/",
              "https://canary.discordapp.com".length(),
              "https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[A-Za-z0-9/_-]+"),
          new Shape(":AA", 10, "\\b\\d{8,10}:AA[A-Za-z0-9_-]{33}\\b"),
          // Google API keys, SendGrid, Twilio.
          new Shape("AIza", 0, "\\bAIza[0-9A-Za-z_-]{35}"),
          new Shape("SG.", 0, "\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}\\b"),
          new Shape("SK", 0, "\\bSK[0-9a-fA-F]{32}\\b"),
          // JSON Web Tokens.
          new Shape("eyJ", 0, "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
          // PEM private keys, to the END line or, when cut off, to the end of the text.
          new Shape(
              "-----BEGIN",
              0,
              "-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?"
                  + "(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\\z)"));

  /** Every shape's literals: most texts hold none. */
  private static final Anchors.Group LITERALS = Anchors.exactCase(Anchors.SECRET_LITERALS);

  /** Words every credential assignment holds. */
  private static final Anchors.Group ASSIGNMENT_WORDS =
      Anchors.ignoringCase(Anchors.ASSIGNMENT_WORDS);

  /** How far into a credential name its word may sit: "_aws_secret_access_key" has it at 5. */
  private static final int WORD_OFFSET = 10;

  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?i)(?:\\b|_)(?:password|passwd|passphrase|pwd|pass|secret|token|api[_-]?key|apikey"
              + "|api[_-]?token|access[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret"
              + "|secret[_-]?key|private[_-]?key|aws_secret_access_key|bearer)\\b[\"']?"
              + "(?:\\s*[:=]\\s*|\\h+is\\h+|\\h+was\\h+|\\h+)[\"']?"
              + "([^\\s\"',;]{8,})");

  /** The first three letters of {@link #ASSIGNMENT}'s credential names, a byte each. */
  private static final int[] NAME_PREFIXES =
      Stream.of("pas", "pwd", "sec", "tok", "api", "acc", "aut", "cli", "pri", "aws", "bea")
          .mapToInt(name -> name.charAt(0) << 16 | name.charAt(1) << 8 | name.charAt(2))
          .toArray();

  @Override
  public void find(ScannedText scanned, List<Span> found) {
    String text = scanned.value();
    if (scanned.contains(LITERALS)) {
      for (Shape shape : SHAPES) {
        scanned.matchesNear(
            shape.pattern,
            scanned.offsets(shape.literals),
            shape.lead,
            ScannedText.StartTest.ANYWHERE,
            token -> {
              found.add(new Span(token.start(), token.end(), EntityType.SECRET));
              return true;
            });
      }
    }
    // An assignment's name holds one of the words, at most WORD_OFFSET characters in.
    scanned.matchesNear(
        ASSIGNMENT,
        scanned.offsets(ASSIGNMENT_WORDS),
        WORD_OFFSET,
        SecretRecognizer::mayStartAssignment,
        assignment -> {
          int start = assignment.start(1);
          int end = trimTrailingPunctuation(text, start, assignment.end(1));
          if (end > start && looksRandom(text.substring(start, end))) {
            found.add(new Span(start, end, EntityType.SECRET));
          }
          return true;
        });
  }

  /**
   * {@link #ASSIGNMENT}'s start: maybe an underscore, then the first three letters of one of its
   * credential names, in any ASCII case as {@code (?i)} matches them.
   */
  private static boolean mayStartAssignment(char[] text, int start) {
    int at = start < text.length && text[start] == '_' ? start + 1 : start;
    if (at + 3 > text.length) {
      return false;
    }
    int prefix =
        lowerAscii(text[at]) << 16 | lowerAscii(text[at + 1]) << 8 | lowerAscii(text[at + 2]);
    for (int name : NAME_PREFIXES) {
      if (name == prefix) {
        return true;
      }
    }
    return false;
  }

  /** An ASCII character in lower case; 0 for any other, which no credential name holds. */
  private static int lowerAscii(char c) {
    return c >= 128 ? 0 : WordTable.lowerAscii(c);
  }

  private record Shape(Anchors.Group literals, int lead, Pattern pattern) {
    Shape(List<String> literals, int lead, String regex) {
      this(Anchors.exactCase(literals), lead, Pattern.compile(regex));
    }

    Shape(String literal, int lead, String regex) {
      this(List.of(literal), lead, regex);
    }
  }

  /**
   * A secret mixes character classes or has high per-character entropy; "reset" or "expired" does
   * not.
   */
  static boolean looksRandom(String value) {
    if (value.length() < 8 || value.startsWith("[")) {
      return false;
    }
    int classes = 0;
    classes += value.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += value.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += value.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += value.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    return classes >= 3 || (classes == 2 && entropyBitsPerChar(value) >= 3.0);
  }

  static double entropyBitsPerChar(String value) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double entropy = 0;
    for (int n : counts) {
      entropy += term(n, value.length());
    }
    return entropy + term(other, value.length());
  }

  private static double term(int n, int total) {
    if (n == 0) {
      return 0;
    }
    double p = (double) n / total;
    return -p * Math.log(p) / Math.log(2);
  }

  private static int trimTrailingPunctuation(String text, int start, int end) {
    while (end > start && ".!?)]}>".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }
}
