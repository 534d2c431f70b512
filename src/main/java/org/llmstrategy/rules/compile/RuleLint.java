package org.llmstrategy.rules.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.compile.DrlLint.Finding;
import org.llmstrategy.rules.compile.WorkbookSheets.CellText;

/**
 * Rules are code: before anything is compiled, every DRL file and the DRL each workbook generates
 * are read by {@link DrlLint}, and whatever reaches outside the fact model is refused, located to
 * the DRL file and line or to the workbook's sheet and cell. Run by {@link RuleSetBuilder#build},
 * so at start-up, at every reload and by {@code validate}; a refused rule is never compiled, so it
 * never runs, not even in a scenario.
 */
final class RuleLint {
  private RuleLint() {}

  /** Every refusal, one per DRL line or workbook cell, naming each forbidden construct. */
  static List<RuleProblem> check(
      Map<String, RuleFile> drls, Map<String, WorkbookTranslation> workbooks) {
    List<RuleProblem> problems = new ArrayList<>();
    drls.forEach(
        (path, f) -> {
          Map<Integer, List<Finding>> byLine = new LinkedHashMap<>();
          for (Finding finding : DrlLint.scan(new String(f.content(), StandardCharsets.UTF_8))) {
            byLine.computeIfAbsent(finding.line(), l -> new ArrayList<>()).add(finding);
          }
          byLine.forEach(
              (line, found) ->
                  problems.add(RuleProblem.inFile(path, "line " + line + ": " + message(found))));
        });
    workbooks.values().forEach(t -> problems.addAll(check(t)));
    return problems;
  }

  /** A workbook's refusals, each at the cell that holds the construct. */
  private static List<RuleProblem> check(WorkbookTranslation t) {
    Map<String, List<Finding>> byCell = new LinkedHashMap<>();
    for (Finding finding : DrlLint.scan(t.drl())) {
      byCell.computeIfAbsent(cellOf(t, finding), c -> new ArrayList<>()).add(finding);
    }
    List<RuleProblem> problems = new ArrayList<>();
    byCell.forEach(
        (cell, found) ->
            problems.add(
                new RuleProblem(
                    t.file(), t.sheet(), cell.isEmpty() ? null : cell, message(found))));
    return problems;
  }

  /**
   * The cell whose text holds the construct: among the cells of the rule's own row first, then
   * anywhere on the sheet (a column template, the Import or Functions cell). A construct that no
   * single cell holds (a template and a value that only form it together) is put at the rule's row.
   */
  private static String cellOf(WorkbookTranslation t, Finding finding) {
    Integer row = t.rowAt(finding.line());
    if (t.cells() == null) {
      return row == null ? "" : "A" + row;
    }
    String token = keyToken(finding.construct());
    List<CellText> candidates = new ArrayList<>();
    if (row != null) {
      candidates.addAll(t.cells().rows().getOrDefault(row, List.of()));
    }
    t.cells().rows().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> candidates.addAll(e.getValue()));
    Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(token) + "(?![\\w$])");
    for (CellText c : candidates) {
      if (word.matcher(c.text()).find() || c.text().contains(token) && !token.matches("[\\w$]+")) {
        return c.ref();
      }
    }
    return row == null ? "" : "A" + row;
  }

  /** The part of a construct that a cell would contain: {@code Runtime}, {@code exec}, … */
  private static String keyToken(String construct) {
    String c = construct;
    for (String prefix : List.of("import static ", "import function ", "import accumulate ")) {
      if (c.startsWith(prefix)) {
        c = c.substring(prefix.length());
      }
    }
    c = c.replaceFirst("^(import|package|new|the Unicode escape) ", "");
    if (c.startsWith(".")) {
      c = c.substring(1);
    }
    if (c.startsWith("a class literal")) {
      c = ".class";
    }
    return c;
  }

  private static String message(List<Finding> found) {
    Map<String, Set<String>> byReason = new LinkedHashMap<>();
    for (Finding f : found) {
      byReason.computeIfAbsent(f.why(), w -> new LinkedHashSet<>()).add(f.construct());
    }
    List<String> parts = new ArrayList<>();
    byReason.forEach(
        (why, constructs) -> parts.add(String.join(", ", constructs) + " (" + why + ")"));
    return "uses " + String.join("; ", parts) + ". Refused: " + DrlLint.ALLOWED;
  }
}
