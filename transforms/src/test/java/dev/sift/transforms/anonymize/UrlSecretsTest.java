package dev.sift.transforms.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UrlSecretsTest {
  private static final Pattern SECRET_PART =
      Pattern.compile("(?<=://)[^/@\\s]+(?=@)|(?<=[?&#;][^=&#;]{1,40}=)[^&#;]+");

  private static List<String> scanned(String url) {
    List<String> parts = new ArrayList<>();
    int last = 0;
    for (int[] part = UrlSecrets.next(url, 0); part != null; part = UrlSecrets.next(url, last)) {
      parts.add(url.substring(part[0], part[1]));
      last = part[1];
    }
    return parts;
  }

  private static List<String> matched(String url) {
    List<String> parts = new ArrayList<>();
    Matcher matcher = SECRET_PART.matcher(url);
    while (matcher.find()) {
      parts.add(matcher.group());
    }
    return parts;
  }

  @Test
  void findsThePartsThePatternFinds() {
    for (String url :
        List.of(
            "postgres://admin:s3cr3t@db.example.com:5432/app",
            "redis://:hunter2@cache:6379",
            "https://api.example.com/v1/items?token=abc123&page=2#sig=xyz",
            "https://x.example.com/a?b=c=d&e==f;g=h",
            "https://x.example.com/?=empty&k=&==",
            "https://x.example.com/?" + "k".repeat(40) + "=v&" + "k".repeat(41) + "=w",
            "https://x.example.com/?a?b=1",
            "mongodb+srv://user:p@ss@cluster/db",
            "https://user name:pw@host/",
            "https://host/path@x?q=1",
            "://@",
            "")) {
      assertEquals(matched(url), scanned(url), url);
    }
  }
}
