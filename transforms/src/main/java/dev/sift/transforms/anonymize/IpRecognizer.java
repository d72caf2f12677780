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

  /** Two hex groups and colons, as every IPv6 address written out has: cheap to look for. */
  private static final Pattern V6_HINT = Pattern.compile("[0-9A-Fa-f]:[0-9A-Fa-f:]|::");

  private static final Pattern VERSION_BEFORE =
      Pattern.compile("(?i)(?:\\bv|version\\s*|build\\s*)$");

  private final InetAddressValidator validator = InetAddressValidator.getInstance();

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
    if (text.indexOf(':') >= 0 && V6_HINT.matcher(text).find()) {
      // An address starts with at most four hex digits before its first colon.
      scanned.matchesNear(
          V6,
          scanned.offsetsInLower(List.of(":")),
          4,
          ScannedText.StartTest.ANYWHERE,
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
