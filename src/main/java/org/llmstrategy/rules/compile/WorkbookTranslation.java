package org.llmstrategy.rules.compile;

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
    String file, WorkbookSheets cells, String drl, List<RuleRow> rules, int ruleTableRow) {
  /** A generated rule, the spreadsheet row it came from and the DRL lines it spans (1-based). */
  record RuleRow(String name, int row, int firstLine, int lastLine, List<String> criteriaFields) {}

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)");
  private static final Pattern ROW_COMMENT =
      Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at [A-Z]+(\\d+)");
  private static final Pattern RULE_NAME = Pattern.compile("^rule \"(.+)\"\\s*$");
  private static final Pattern CRITERIA_PATTERN = Pattern.compile("\\bCriteria\\s*\\((.*)\\)");
  private static final Pattern TESTED_FIELD =
      Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\s*(?:==|!=|<=|>=|<|>|\\bin\\b|\\bnot in\\b)");

  static WorkbookTranslation of(String file, WorkbookSheets cells, String drl) {
    String[] lines = drl.split("\n", -1);
    List<RuleRow> rules = new ArrayList<>();
    Integer row = null;
    int header = 0;
    String name = null;
    int first = 0;
    Set<String> fields = new LinkedHashSet<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      Matcher rowMatch = ROW_COMMENT.matcher(line);
      Matcher nameMatch = RULE_NAME.matcher(line);
      if (rowMatch.find()) {
        row = Integer.valueOf(rowMatch.group(2));
        header = Integer.parseInt(rowMatch.group(3));
      } else if (nameMatch.find() && row != null) {
        name = nameMatch.group(1);
        first = i + 1;
        fields.clear();
      } else if (line.equals("end") && name != null) {
        rules.add(new RuleRow(name, row, first, i + 1, List.copyOf(fields)));
        name = null;
        row = null;
      } else if (name != null) {
        addCriteriaFields(line, fields);
      }
    }
    return new WorkbookTranslation(file, cells, drl, List.copyOf(rules), header);
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

  String packageName() {
    Matcher pkg = PACKAGE.matcher(drl);
    return pkg.find() ? pkg.group(1) : "defaultpkg";
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
