package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sift.schemas.Reason;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README documents what the code does: every reason code and every option. */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void listsEveryReasonCode() throws IOException {
    String readme = Files.readString(README);
    for (Reason reason : Reason.values()) {
      assertTrue(
          readme.contains("| `" + reason.code() + "` |"),
          "README lacks the reason " + reason.code());
    }
  }

  @Test
  void listsEveryCurateOption() throws IOException {
    String readme = Files.readString(README);
    for (Method method : CurateOptions.class.getDeclaredMethods()) {
      if (method.getName().startsWith("get")) {
        String option =
            "--"
                + Character.toLowerCase(method.getName().charAt(3))
                + method.getName().substring(4);
        assertTrue(readme.contains("`" + option + "`"), "README lacks the option " + option);
      }
    }
  }
}
