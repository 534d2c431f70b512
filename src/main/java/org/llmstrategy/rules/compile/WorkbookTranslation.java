package org.llmstrategy.rules.compile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.rules.run.RuleSource;

/**
 * The DRL a decision table generates, with what is needed to point back at the spreadsheet: which
 * row each rule came from, and which rule each DRL line belongs to. Drools itself reports table
 * errors at line -1; compiling the DRL we generated gives real line numbers we can map back.
 */
record WorkbookTranslation(
    String file,
    WorkbookSheets cells,
    String drl,
    String packageName,
    List<RuleRow> rules,
    int ruleTableRow,
    Map<String, Map<BigDecimal, Integer>> thresholds) {
  /** A generated rule, the spreadsheet row it came from and the DRL lines it spans (1-based). */
  record RuleRow(String name, int row, int firstLine, int lastLine, List<String> criteriaFields) {}

  private static final Pattern ROW_COMMENT =
      Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at [A-Z]+(\\d+)");
  private static final Pattern CRITERIA_PATTERN = Pattern.compile("\\bCriteria\\s*\\((.*)\\)");
  private static final Pattern TESTED_FIELD =
      Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\s*(?:==|!=|<=|>=|<|>|\\bin\\b|\\bnot in\\b)");

  /**
   * The rules as Drools' DRL parser reads the generated text; each one's row is the one the comment
   * Drools writes above it names ({@code // rule values at A12, header at A8}).
   */
  static WorkbookTranslation of(String file, WorkbookSheets cells, String drl) {
    return of(file, cells, drl, Map.of());
  }

  /**
   * As {@link #of(String, WorkbookSheets, String)}, with the numbers the table's typed cells
   * compare request properties with, and the side each comparison changes on ({@code
   * CriteriaThresholds}).
   */
  static WorkbookTranslation of(
      String file,
      WorkbookSheets cells,
      String drl,
      Map<String, Map<BigDecimal, Integer>> thresholds) {
    String[] lines = drl.split("\n", -1);
    DrlRules parsed = DrlRules.of(drl);
    List<RuleRow> rules = new ArrayList<>();
    int header = 0;
    int after = 0; // the last line of the previous rule: a comment above it is not this rule's
    for (DrlRules.Rule r : parsed.rules()) {
      Integer row = null;
      for (int i = Math.min(r.firstLine(), lines.length) - 1; i >= after && row == null; i--) {
        Matcher rowMatch = ROW_COMMENT.matcher(lines[i].strip());
        if (rowMatch.find()) {
          row = Integer.valueOf(rowMatch.group(2));
          header = Integer.parseInt(rowMatch.group(3));
        }
      }
      after = Math.min(r.lastLine(), lines.length);
      if (row == null) {
        continue;
      }
      Set<String> fields = new LinkedHashSet<>();
      for (int i = r.firstLine(); i < r.lastLine() - 1 && i < lines.length; i++) {
        addCriteriaFields(lines[i].strip(), fields);
      }
      rules.add(new RuleRow(r.name(), row, r.firstLine(), r.lastLine(), List.copyOf(fields)));
    }
    return new WorkbookTranslation(
        file, cells, drl, parsed.packageName(), List.copyOf(rules), header, Map.copyOf(thresholds));
  }

  /** The criteria fields a line of DRL tests inside a {@code Criteria(...)} pattern. */
  static void addCriteriaFields(String line, Set<String> fields) {
    Matcher criteria = CRITERIA_PATTERN.matcher(line);
    if (criteria.find()) {
      Matcher field = TESTED_FIELD.matcher(criteria.group(1));
      while (field.find()) {
        fields.add(field.group(1));
      }
    }
  }

  /** Each generated rule's source, keyed like {@link RuleSet#key}. */
  Map<String, RuleSource> sources() {
    String packageName = packageName();
    Map<String, RuleSource> sources = new HashMap<>();
    for (RuleRow r : rules) {
      sources.put(
          RuleSet.key(packageName, r.name()),
          new RuleSource(file, sheet(), r.row(), r.criteriaFields()));
    }
    return sources;
  }

  String sheet() {
    return cells == null ? null : cells.firstSheetName();
  }

  /** The row whose rule spans the given DRL line, if any. */
  Integer rowAt(int drlLine) {
    for (RuleRow r : rules) {
      if (drlLine >= r.firstLine() && drlLine <= r.lastLine()) {
        return r.row();
      }
    }
    return null;
  }

  /** Locates a message that names neither line nor rule, by the cell text it quotes. */
  String cellQuotedBy(String message) {
    return cells == null
        ? null
        : cells.cellQuotedBy(message, rules.stream().map(RuleRow::row).toList(), ruleTableRow);
  }

  /** For "The method x(…) is undefined": the template cell that calls {@code x}, if one does. */
  String templateCalling(String message) {
    Matcher method = UNDEFINED_METHOD.matcher(message);
    return cells == null || !method.find()
        ? null
        : cells.templateCalling(method.group(1), ruleTableRow);
  }

  private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(");

  String lineAt(int drlLine) {
    String[] lines = drl.split("\n", -1);
    return drlLine >= 1 && drlLine <= lines.length ? lines[drlLine - 1].strip() : "";
  }
}
