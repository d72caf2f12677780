package dev.sift.transforms.anonymize;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * IPv4 and IPv6 addresses, confirmed by Commons Validator. A dotted quad right after a {@code v} or
 * the word "version" is a version number; colon-separated times and MAC addresses are not valid
 * IPv6 and so never match.
 */
final class IpRecognizer implements Recognizer {
  private static final Pattern V4 =
      Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w]|\\.\\d)");
  private static final Pattern V6 =
      Pattern.compile(
          "(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\\d{1,3}\\.){3}\\d{1,3})?"
              + "(?![\\w:])");

  private static final Pattern VERSION_BEFORE =
      Pattern.compile("(?i)(?:\\bv|version\\s*|build\\s*)$");

  private final InetAddressValidator validator = InetAddressValidator.getInstance();

  /**
   * A hex digit, a colon and a hex digit or colon, or two colons, as every IPv6 address written out
   * has: cheap to look for at the colons.
   */
  private static boolean hasV6Hint(char[] text, int[] colons) {
    for (int at : colons) {
      boolean hexBefore = at > 0 && isHex(text[at - 1]);
      if (at + 1 < text.length && (text[at + 1] == ':' || hexBefore && isHex(text[at + 1]))) {
        return true;
      }
    }
    return false;
  }

  /** Two groups of at most four hex digits, each ending with a colon, as {@link #V6} starts. */
  private static boolean twoGroupsAt(char[] text, int start) {
    int at = start;
    for (int group = 0; group < 2; group++) {
      int digits = 0;
      while (at < text.length && digits < 4 && isHex(text[at])) {
        at++;
        digits++;
      }
      if (!ScannedText.isAt(text, at, ':')) {
        return false;
      }
      at++;
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  @Override
  public void find(ScannedText scanned, List<Span> found) {
    String text = scanned.value();
    if (text.indexOf('.') >= 0) {
      scanned.matchesNearDigits(
          V4,
          0,
          (chars, start) -> {
            int digits = ScannedText.digitsAt(chars, start);
            return digits <= 3 && ScannedText.isAt(chars, start + digits, '.');
          },
          matcher -> {
            String before = text.substring(Math.max(0, matcher.start() - 8), matcher.start());
            if (validator.isValidInet4Address(matcher.group())
                && !VERSION_BEFORE.matcher(before).find()) {
              found.add(new Span(matcher.start(), matcher.end(), EntityType.IP_ADDRESS));
            }
            return true;
          });
    }
    int[] colons = scanned.offsetsOf(':');
    if (hasV6Hint(scanned.chars(), colons)) {
      // An address starts with at most four hex digits before its first colon.
      scanned.matchesNear(
          V6,
          colons,
          4,
          IpRecognizer::twoGroupsAt,
          matcher -> {
            String candidate = matcher.group();
            if (candidate.length() > 2 && validator.isValidInet6Address(candidate)) {
              found.add(new Span(matcher.start(), matcher.end(), EntityType.IP_ADDRESS));
            }
            return true;
          });
    }
  }
}
