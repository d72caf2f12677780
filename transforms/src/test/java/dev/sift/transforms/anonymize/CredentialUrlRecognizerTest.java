package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CredentialUrlRecognizerTest {
  private static final Pattern URL =
      Pattern.compile("(?i)(?<![\\w+.-])[a-z][a-z0-9+.-]*://[^\\s<>\"'`]+");

  private static List<String> scanned(String text) {
    List<String> urls = new ArrayList<>();
    int last = 0;
    for (int[] url = CredentialUrlRecognizer.next(text, 0);
        url != null;
        url = CredentialUrlRecognizer.next(text, last)) {
      urls.add(text.substring(url[0], url[1]));
      last = url[1];
    }
    return urls;
  }

  private static List<String> matched(String text) {
    List<String> urls = new ArrayList<>();
    Matcher matcher = URL.matcher(text);
    while (matcher.find()) {
      urls.add(matcher.group());
    }
    return urls;
  }

  @Test
  void findsTheUrlsThePatternFinds() {
    for (String text :
        List.of(
            "",
            "://",
            "see https://a.example.com/x?token=abc and http://b.example.com.",
            "HTTPS://A.EXAMPLE.COM/?next=http://b.example.com/ x",
            "postgres://admin:pw@db:5432/app mongodb+srv://u:p@cluster/db",
            "x_http://nope.example.com 1http://digit.example.com -http://dash.example.com",
            "(https://paren.example.com) <http://angle.example.com> 'ftp://q.example.com'",
            "http:// empty then git+ssh://git@host/repo.git",
            "é-http://accent.example.com ñhttp://n.example.com",
            "a.b-c+d://weird.example.com\tnext://x",
            "redis://:hunter2@cache:6379\nhttps://x.example.com/?sig=1`")) {
      assertEquals(matched(text), scanned(text), text);
    }
  }
}
