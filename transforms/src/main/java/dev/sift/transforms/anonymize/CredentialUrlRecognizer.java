package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs that carry a credential: a {@code user:password@} part or a query parameter that holds a
 * token, key or signature, under any scheme (connection strings such as {@code postgres://} or
 * {@code mongodb+srv://} carry passwords). Ordinary links are left alone.
 */
final class CredentialUrlRecognizer implements Recognizer {
  /** {@code user:password@}, or {@code :password@} with no user as Redis has it. */
  private static final Pattern USER_INFO =
      Pattern.compile("^[a-z][a-z0-9+.-]*://[^/@\\s]*:[^/@\\s]*@", Pattern.CASE_INSENSITIVE);

  private static final Pattern QUERY_KEY = Pattern.compile("[?&#;]([^=&#;]+)=([^&#;]*)");
  private static final Set<String> SECRET_PARAMETERS =
      Set.of(
          "token",
          "access_token",
          "refresh_token",
          "id_token",
          "auth",
          "auth_token",
          "authtoken",
          "api_key",
          "apikey",
          "key",
          "secret",
          "client_secret",
          "password",
          "pass",
          "pwd",
          "sig",
          "signature",
          "x-amz-signature",
          "x-amz-credential",
          "x-amz-security-token",
          "x-goog-signature",
          "x-goog-credential",
          "session",
          "sessionid",
          "session_id",
          "sid",
          "jwt",
          "code",
          "otp",
          "private_token",
          "oauth_token");

  @Override
  public void find(ScannedText scanned, List<Span> found) {
    String text = scanned.value();
    int last = 0;
    for (int[] url = next(text, 0); url != null; url = next(text, last)) {
      int end = url[1];
      while (end > url[0] && ".,;:!?)]}>".indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      String candidate = text.substring(url[0], end);
      if (carriesCredential(candidate)) {
        found.add(new Span(url[0], end, EntityType.URL));
      }
      last = url[1];
    }
  }

  /**
   * The next URL at or after {@code from} (after the end of the last one), as {@code {start, end}},
   * or null: what the pattern {@code (?i)(?<![\w+.-])[a-z][a-z0-9+.-]*://[^\s<>"'`]+} finds, read
   * from each {@code ://} instead of trying the pattern at every character. The scheme is the whole
   * run of scheme characters before it, which must start with a letter and not follow an underscore
   * (every other character the look-behind excludes would be part of the run); the rest runs to a
   * blank, a quote or an angle bracket.
   */
  static int[] next(String text, int from) {
    for (int colon = text.indexOf("://", from);
        colon >= 0;
        colon = text.indexOf("://", colon + 1)) {
      int start = colon;
      while (start > 0 && isSchemeChar(text.charAt(start - 1))) {
        start--;
      }
      if (start < from
          || start == colon
          || !isAsciiLetter(text.charAt(start))
          || start > 0 && text.charAt(start - 1) == '_') {
        continue;
      }
      int end = colon + 3;
      while (end < text.length() && !endsUrl(text.charAt(end))) {
        end++;
      }
      if (end > colon + 3) {
        return new int[] {start, end};
      }
    }
    return null;
  }

  private static boolean isSchemeChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean endsUrl(char c) {
    return ScannedText.isRegexSpace(c) || "<>\"'`".indexOf(c) >= 0;
  }

  static boolean carriesCredential(String url) {
    if (USER_INFO.matcher(url).find()) {
      return true;
    }
    Matcher query = QUERY_KEY.matcher(url);
    while (query.find()) {
      if (!query.group(2).isEmpty()
          && SECRET_PARAMETERS.contains(query.group(1).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
