package org.llmstrategy.rules.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.llmstrategy.rules.run.RuleThresholds;

/**
 * The numbers a decision table compares request properties with: every typed number cell of a
 * condition column on the criteria ({@code Criteria} or {@code $c : Criteria} as its pattern) whose
 * template compares one property with the cell ({@code latencyBudgetMs < $param}). Flips probe each
 * side of these; they are the cells the analyst typed, read as {@link DecisionTableCheck} reads
 * them, so nothing is restated and nothing is read off compiled rules. Read from a workbook the
 * check passed.
 */
public final class CriteriaThresholds {
  private static final Pattern CRITERIA_PATTERN =
      Pattern.compile("^\\s*(?:\\$\\w+\\s*:\\s*)?Criteria\\s*(?:\\(\\s*\\))?\\s*$");
  private static final Pattern COMPARISON =
      Pattern.compile("^\\s*([a-z][A-Za-z0-9]*)\\s*(<=|>=|<|>|==|!=)\\s*\\$param\\s*$");
  private static final int OBJECT_TYPES = 2;
  private static final Set<ColumnType.Kind> NUMBERS =
      EnumSet.of(
          ColumnType.Kind.NUMBER,
          ColumnType.Kind.WHOLE_NUMBER,
          ColumnType.Kind.COUNT,
          ColumnType.Kind.MONEY);

  private CriteriaThresholds() {}

  /**
   * Property → each number the workbook's first sheet compares it with → on which side of it the
   * comparisons change ({@link RuleThresholds#BELOW}, {@link RuleThresholds#ABOVE}, or both: {@code
   * ==} and {@code !=} change on both).
   */
  public static Map<String, Map<BigDecimal, Integer>> of(Workbook wb) {
    Map<String, Map<BigDecimal, Integer>> found = new TreeMap<>();
    if (wb.getNumberOfSheets() == 0) {
      return found;
    }
    Sheet sheet = wb.getSheetAt(0);
    for (Row row : sheet) {
      if (DecisionTableCheck.ruleTableCell(row) != null) {
        table(sheet, row.getRowNum(), found);
      }
    }
    return found;
  }

  private static void table(
      Sheet sheet, int tableRow, Map<String, Map<BigDecimal, Integer>> found) {
    Row keywords = sheet.getRow(tableRow + DecisionTableCheck.KEYWORDS);
    if (keywords == null) {
      return;
    }
    List<Column> columns = new ArrayList<>();
    List<String> properties = new ArrayList<>();
    List<Integer> sides = new ArrayList<>();
    for (Cell k : keywords) {
      int c = k.getColumnIndex();
      if (!RawCell.of(k).text().toUpperCase(Locale.ROOT).startsWith("CONDITION")
          || !CRITERIA_PATTERN.matcher(objectType(sheet, tableRow + OBJECT_TYPES, c)).matches()) {
        continue;
      }
      String template = text(sheet, tableRow + DecisionTableCheck.TEMPLATES, c);
      Matcher comparison = COMPARISON.matcher(template);
      if (!comparison.matches()) {
        continue;
      }
      try {
        Column column =
            Column.declared(c, text(sheet, tableRow + DecisionTableCheck.LABELS, c), template);
        if (NUMBERS.contains(column.type().kind())) {
          columns.add(column);
          properties.add(comparison.group(1));
          sides.add(side(comparison.group(2)));
        }
      } catch (Column.Refused e) {
        // refused by the check with its cell: nothing to read here
      }
    }
    for (int r = tableRow + DecisionTableCheck.LABELS + 1;
        r <= sheet.getLastRowNum() && !DecisionTableCheck.blank(sheet.getRow(r));
        r++) {
      Row row = sheet.getRow(r);
      for (int i = 0; i < columns.size(); i++) {
        CellReading reading = columns.get(i).type().read(row.getCell(columns.get(i).index()));
        if (!reading.refused() && reading.value() != null) {
          found
              .computeIfAbsent(properties.get(i), p -> new TreeMap<>())
              .merge(new BigDecimal(reading.value()), sides.get(i), (a, b) -> a | b);
        }
      }
    }
  }

  private static int side(String operator) {
    return switch (operator) {
      case ">=", "<" -> RuleThresholds.BELOW;
      case "<=", ">" -> RuleThresholds.ABOVE;
      default -> RuleThresholds.BELOW | RuleThresholds.ABOVE; // == and !=
    };
  }

  /** The pattern a column matches: its own cell, or the merged cell spanning the columns. */
  private static String objectType(Sheet sheet, int row, int column) {
    for (CellRangeAddress merged : sheet.getMergedRegions()) {
      if (merged.isInRange(row, column)) {
        return text(sheet, merged.getFirstRow(), merged.getFirstColumn());
      }
    }
    return text(sheet, row, column);
  }

  private static String text(Sheet sheet, int row, int column) {
    Row r = sheet.getRow(row);
    return r == null ? "" : RawCell.of(r.getCell(column)).text();
  }
}
