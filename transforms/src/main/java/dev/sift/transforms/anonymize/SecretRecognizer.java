package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials: tokens whose shape their issuer fixes (cloud access keys, source-host and
 * chat-platform tokens, LLM-provider and payment API keys, JWTs, PEM private-key blocks), and
 * values assigned to a credential-like name ({@code password=...}, {@code api_token: ...}) when
 * they look random enough to be a real secret rather than a word.
 */
final class SecretRecognizer implements Recognizer {
  /**
   * Token shapes, each with literals one of which every match contains: the pattern runs only on
   * texts that hold one, which keeps this recognizer fast on the bulk of text that holds no secret.
   */
  private static final List<Shape> SHAPES =
      List.of(
          // AWS access key ids.
          new Shape(
              List.of("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"),
              Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b")),
          // GitHub, GitLab, npm, Hugging Face.
          new Shape("gh", "\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\\b"),
          new Shape("github_pat_", "\\bgithub_pat_[A-Za-z0-9_]{22,255}\\b"),
          new Shape("glpat-", "\\bglpat-[A-Za-z0-9_-]{20,}"),
          new Shape("npm_", "\\bnpm_[A-Za-z0-9]{36}\\b"),
          new Shape("hf_", "\\bhf_[A-Za-z0-9]{30,}\\b"),
          // OpenAI (sk-, sk-proj-, sk-svcacct-), Anthropic (sk-ant-...), other sk- keys.
          new Shape("sk-", "\\bsk-[A-Za-z0-9_-]{20,}"),
          // Stripe secret, restricted and publishable keys.
          new Shape("_live_", "\\b(?:sk|rk|pk)_live_[A-Za-z0-9]{16,}\\b"),
          new Shape("_test_", "\\b(?:sk|rk|pk)_test_[A-Za-z0-9]{16,}\\b"),
          // Slack tokens and webhooks, Discord webhooks, Telegram bot tokens.
          new Shape("xox", "\\bxox[abposre]-[A-Za-z0-9-]{10,}"),
          new Shape("hooks.slack.com", "https://hooks\\.slack\\.com/services/[A-Za-z0-9/_-]+"),
          new Shape(
              "/api/webhooks/",
              "https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[A-Za-z0-9/_-]+"),
          new Shape(":AA", "\\b\\d{8,10}:AA[A-Za-z0-9_-]{33}\\b"),
          // Google API keys, SendGrid, Twilio.
          new Shape("AIza", "\\bAIza[0-9A-Za-z_-]{35}"),
          new Shape("SG.", "\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}\\b"),
          new Shape("SK", "\\bSK[0-9a-fA-F]{32}\\b"),
          // JSON Web Tokens.
          new Shape("eyJ", "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
          // PEM private keys, to the END line or, when cut off, to the end of the text.
          new Shape(
              "-----BEGIN",
              "-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?"
                  + "(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\\z)"));

  /** Words every credential assignment holds, in lower case. */
  private static final List<String> ASSIGNMENT_WORDS =
      List.of("pass", "pwd", "secret", "token", "key", "bearer");

  /** How far into a credential name its word may sit: "_aws_secret_access_key" has it at 5. */
  private static final int WORD_OFFSET = 10;

  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?i)(?:\\b|_)(?:password|passwd|passphrase|pwd|pass|secret|token|api[_-]?key|apikey"
              + "|api[_-]?token|access[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret"
              + "|secret[_-]?key|private[_-]?key|aws_secret_access_key|bearer)\\b[\"']?"
              + "(?:\\s*[:=]\\s*|\\s+is\\s+|\\s+was\\s+|\\s+)[\"']?"
              + "([^\\s\"',;]{8,})");

  @Override
  public void find(ScannedText scanned, List<Span> found) {
    String text = scanned.value();
    for (Shape shape : SHAPES) {
      if (ScannedText.containsAny(text, shape.literals)) {
        Matcher token = shape.pattern.matcher(text);
        while (token.find()) {
          found.add(new Span(token.start(), token.end(), EntityType.SECRET));
        }
      }
    }
    // An assignment's name holds one of the words, at most WORD_OFFSET characters in.
    scanned.matchesNear(
        ASSIGNMENT,
        scanned.offsetsInLower(ASSIGNMENT_WORDS),
        WORD_OFFSET,
        ScannedText.StartTest.ANYWHERE,
        assignment -> {
          int start = assignment.start(1);
          int end = trimTrailingPunctuation(text, start, assignment.end(1));
          if (end > start && looksRandom(text.substring(start, end))) {
            found.add(new Span(start, end, EntityType.SECRET));
          }
          return true;
        });
  }

  private record Shape(List<String> literals, Pattern pattern) {
    Shape(String literal, String regex) {
      this(List.of(literal), Pattern.compile(regex));
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
