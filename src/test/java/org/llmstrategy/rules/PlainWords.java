package org.llmstrategy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The guard on what analysts read: no problem or impact text shows a stack trace, a Java class or
 * exception name, parser text or an absolute path of the machine.
 */
public final class PlainWords {
  private static final List<Pattern> FORBIDDEN =
      List.of(
          Pattern.compile("\\bat [\\w$.]+\\([\\w$.]*(:\\d+)?\\)"), // a stack frame
          Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b"), // an exception class
          Pattern.compile("\\b(java|javax|jakarta|sun)\\.[a-z]"), // a JDK class
          Pattern.compile("\\b(org|com|tools)\\.[a-z]+\\.[a-z]"), // a library or our own class
          Pattern.compile("POJONode|RawValue|JsonNode|NullPointer"),
          Pattern.compile(
              "mismatched input|no viable alternative|Unable to Analyse|Unable to parse|\\[ERR \\d+\\]"),
          Pattern.compile("(^|[\\s(\"'=:])/(tmp|home|root|work|usr|var|opt|Users|mnt|private)/"),
          Pattern.compile("\\b[A-Za-z]:\\\\"));

  private PlainWords() {}

  /** Every text reads as plain words; none names {@code folder} by its absolute path. */
  public static void assertPlain(Collection<String> texts, Path folder) {
    assertThat(machineryIn(texts, folder)).as("texts that show machinery").isEmpty();
  }

  /** Each text that shows machinery, with what it shows. */
  public static List<String> machineryIn(Collection<String> texts, Path folder) {
    String absolute = folder.toAbsolutePath().toString();
    List<String> found = new java.util.ArrayList<>();
    for (String text : texts) {
      if (text.contains(absolute)) {
        found.add(text + "  <- the folder's absolute path");
      }
      for (Pattern p : FORBIDDEN) {
        if (p.matcher(text).find()) {
          found.add(text + "  <- " + p.pattern());
        }
      }
    }
    return found;
  }
}
