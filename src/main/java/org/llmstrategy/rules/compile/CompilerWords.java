package org.llmstrategy.rules.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.llmstrategy.facts.Criteria;

/**
 * What the Drools compiler and its parsers say, in words an analyst understands: each known kind of
 * message becomes a sentence with the fix where it is known; anything else becomes a plain sentence
 * that sends the reader to the log, where the original text is kept. No parser jargon, no Java
 * class or exception name leaves here.
 */
final class CompilerWords {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CompilerWords.class);

  private record Rewrite(Pattern pattern, Function<Matcher, String> words) {}

  private static final List<Rewrite> REWRITES =
      List.of(
          new Rewrite(
              Pattern.compile("Invalid column header: (.*?), should be .*"),
              m ->
                  quoted(m.group(1))
                      + " is not a column keyword: type CONDITION (a column that tests) or ACTION"
                      + " (a column that does), or NAME / DESCRIPTION"),
          new Rewrite(
              Pattern.compile(
                  "Unable to (?:parse left part of expression|Analyse Expression):?\\s*(.*?):?"),
              m -> unreadableCondition(m.group(1).strip())),
          new Rewrite(
              Pattern.compile("The method (\\w+)\\(.*?\\) is undefined for the type (\\w+)"),
              m ->
                  quoted(m.group(1))
                      + " is not something a "
                      + m.group(2)
                      + " can be told: check the spelling of the column's template"),
          new Rewrite(
              Pattern.compile("(\\w+) cannot be resolved to a variable"),
              m ->
                  quoted(m.group(1))
                      + " is not a name the rules know here: check its spelling, or put text in"
                      + " double quotes"),
          new Rewrite(
              Pattern.compile("(?:[\\w.]+\\.)?(\\w+) cannot be resolved to a type"),
              m ->
                  quoted(m.group(1))
                      + " is not a kind of fact or value the rules know: check its spelling"),
          new Rewrite(
              Pattern.compile("Unknown field (\\w+) on class (?:[\\w.]+\\.)?(\\w+)"),
              m -> quoted(m.group(1)) + " is not one of the values of " + m.group(2)),
          new Rewrite(
              Pattern.compile(
                  ".*?\\[ERR \\d+\\] Line (\\d+):(\\d+) (?:mismatched input|no viable alternative"
                      + " at input|extraneous input|missing \\S+ at) '?(.*?)'?(?: expecting"
                      + " .*?)?(?: in rule \"?(.*?)\"?)?"),
              m ->
                  "the rule"
                      + (m.group(4) == null ? "" : " " + quoted(m.group(4)))
                      + " cannot be read at line "
                      + m.group(1)
                      + ", column "
                      + m.group(2)
                      + ", near "
                      + quoted(m.group(3))
                      + ": check the brackets, commas, quotes and keywords (when, then, end)"
                      + " there"),
          new Rewrite(
              Pattern.compile("Parser returned a null Package"),
              m -> null), // the parser's echo of the error above: said once is enough
          new Rewrite(
              Pattern.compile("Can't open workbook.*|.*unsupported file type.*|.*Failed to open.*"),
              m ->
                  "is not a workbook that Excel or LibreOffice saved: open it there and save it"
                      + " again as an Excel workbook (.xlsx), or remove it"));

  private static final Pattern LINE_PREFIX = Pattern.compile("line \\d+: ");
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b(?:org|com|java|javax)\\.[\\w.]*\\.(\\w+)");
  private static final Pattern MACHINERY =
      Pattern.compile(
          "\\b\\w*(Exception|Error)\\b|\\[ERR \\d+]|mismatched input|no viable|Unable to");

  private CompilerWords() {}

  /**
   * The message in plain words, or empty when it only repeats another. The original goes to the
   * log, under where it was found.
   */
  static Optional<String> plain(String where, String original) {
    String text = original == null ? "" : original.strip();
    Matcher line = LINE_PREFIX.matcher(text);
    String prefix = line.lookingAt() ? line.group() : "";
    text = text.substring(prefix.length());
    for (Rewrite r : REWRITES) {
      Matcher m = r.pattern().matcher(text);
      if (m.matches()) {
        log.info("Rule compiler at {}: {}", where, original);
        String words = r.words().apply(m);
        return Optional.ofNullable(words)
            .map(w -> w.startsWith("the rule") && w.contains(" at line ") ? w : prefix + w);
      }
    }
    text = prefix + text;
    String simpler = QUALIFIED.matcher(text).replaceAll("$1");
    if (!MACHINERY.matcher(simpler).find()) {
      return Optional.of(simpler);
    }
    log.info("Rule compiler at {}: {}", where, text);
    return Optional.of(
        "the rules cannot be compiled here, for a reason the service does not explain in words yet"
            + " (the service log has the compiler's own text)");
  }

  /** A condition whose field is misspelt: name the field the request has that it nearly is. */
  private static String unreadableCondition(String expression) {
    Matcher field = Pattern.compile("^\\s*(\\w+)").matcher(expression);
    String hint =
        field.find()
            ? closestRequestField(field.group(1))
                .map(f -> ": did you mean " + f + "?")
                .orElse(": check the spelling of the field it tests")
            : "";
    return "the condition " + quoted(expression) + " cannot be read" + hint;
  }

  static Optional<String> closestRequestField(String typed) {
    // what a Criteria(...) condition can test: the record's components and its derived values
    List<String> fields = new ArrayList<>();
    Arrays.stream(Criteria.class.getDeclaredMethods())
        .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
        .filter(m -> !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getParameterCount() == 0 && m.getReturnType() != void.class)
        .map(java.lang.reflect.Method::getName)
        .filter(n -> !n.equals("toString") && !n.equals("hashCode"))
        .forEach(fields::add);
    return fields.stream()
        .filter(f -> !f.equals(typed))
        .min(Comparator.comparingInt(f -> distance(f.toLowerCase(), typed.toLowerCase())))
        .filter(
            f -> distance(f.toLowerCase(), typed.toLowerCase()) <= Math.max(2, typed.length() / 3));
  }

  private static int distance(String a, String b) {
    return LevenshteinDistance.getDefaultInstance().apply(a, b);
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }
}
