package dev.sift.transforms.anonymize;

/**
 * The parts of a URL that hold a secret: the user information before an {@code @} right after the
 * scheme's {@code ://}, and each query or fragment value after a key of at most 40 characters. The
 * pattern {@code (?<=://)[^/@\s]+(?=@)|(?<=[?&#;][^=&#;]{1,40}=)[^&#;]+} read by hand, since its
 * look-behinds are tried at every character of a URL.
 */
final class UrlSecrets {
  private static final int MAX_KEY = 40;

  private UrlSecrets() {}

  /** The next secret part at or after {@code from}, as {@code {start, end}}, or null. */
  static int[] next(String url, int from) {
    for (int at = from; at < url.length(); at++) {
      if (at >= 3 && url.startsWith("://", at - 3)) {
        int end = at;
        while (end < url.length() && isUserInfo(url.charAt(end))) {
          end++;
        }
        if (end > at && end < url.length() && url.charAt(end) == '@') {
          return new int[] {at, end};
        }
      }
      if (at >= 1 && url.charAt(at - 1) == '=' && afterKey(url, at - 1)) {
        int end = at;
        while (end < url.length() && "&#;".indexOf(url.charAt(end)) < 0) {
          end++;
        }
        if (end > at) {
          return new int[] {at, end};
        }
      }
    }
    return null;
  }

  /**
   * Whether a key of 1 to 40 characters other than {@code =&#;} after one of {@code ?&#;} ends at
   * {@code equals}.
   */
  private static boolean afterKey(String url, int equals) {
    for (int length = 1; length <= MAX_KEY; length++) {
      int keyStart = equals - length;
      if (keyStart < 1 || "=&#;".indexOf(url.charAt(keyStart)) >= 0) {
        return false;
      }
      if ("?&#;".indexOf(url.charAt(keyStart - 1)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUserInfo(char c) {
    return c != '/' && c != '@' && !ScannedText.isRegexSpace(c);
  }
}
