package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs that carry a credential: a {@code user:password@} part or a query parameter that holds a
 * token, key or signature. Ordinary links are left alone.
 */
final class CredentialUrlRecognizer implements Recognizer {
  /**
   * Any scheme: connection strings ({@code postgres://}, {@code mongodb+srv://}) carry passwords.
   */
  private static final Pattern URL =
      Pattern.compile("(?i)(?<![\\w+.-])[a-z][a-z0-9+.-]*://[^\\s<>\"'`]+");

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
    if (!text.contains("://")) {
      return;
    }
    Matcher url = URL.matcher(text);
    while (url.find()) {
      int end = url.end();
      while (end > url.start() && ".,;:!?)]}>".indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      String candidate = text.substring(url.start(), end);
      if (carriesCredential(candidate)) {
        found.add(new Span(url.start(), end, EntityType.URL));
      }
    }
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
