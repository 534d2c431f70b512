package org.llmstrategy.rules.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.llmstrategy.rules.RuleProblem;

/**
 * Checks a decision-table workbook as the analyst typed it, before Drools reads it: every condition
 * and action column declares its type in its label, every cell fits its column (read from its raw
 * value), no row is left out by a gap, names and unique columns hold each value once, bands tile,
 * no table hides on a later sheet, and nothing inside a table is merged or hidden ({@link
 * HiddenOrMergedCells}). Rewrites each typed cell, in memory, as the canonical text Drools is to
 * compile (a currency-formatted 2.5 becomes {@code 2.50}, a date cell {@code 2026-06-30}), so what
 * Drools sees is what the analyst meant, not how it was displayed.
 */
public final class DecisionTableCheck {
  /** A rule's name and where it is written, to find the same name twice, across files too. */
  public record RuleName(String name, String file, String sheet, String cell) {
    String where() {
      return file + "!" + sheet + "!" + cell;
    }
  }

  /** What the check found, and the rule names of the table (for the check across files). */
  public record Result(List<RuleProblem> problems, List<RuleName> ruleNames) {}

  private static final Pattern RULE_TABLE = Pattern.compile("(?i)^RuleTable\\b.*");

  /** Rows of a table below its RuleTable cell: keywords, object types, templates, labels. */
  static final int KEYWORDS = 1;

  static final int TEMPLATES = 3;
  static final int LABELS = 4;

  private final String file;
  private final Sheet sheet;
  private final List<RuleProblem> problems = new ArrayList<>();
  private final List<RuleName> names = new ArrayList<>();

  private DecisionTableCheck(String file, Sheet sheet) {
    this.file = file;
    this.sheet = sheet;
  }

  /** Checks the workbook and rewrites its typed cells in canonical form. */
  public static Result check(String file, Workbook wb) {
    DecisionTableCheck check = new DecisionTableCheck(file, wb.getSheetAt(0));
    check.tablesOnLaterSheets(wb);
    List<Integer> tables = check.ruleTableRows(check.sheet);
    if (tables.isEmpty()) {
      check.problems.add(
          RuleProblem.inFile(
              file,
              "has no RuleTable on its first sheet (\""
                  + check.sheet.getSheetName()
                  + "\"): only the first sheet is read; move the table there"));
    }
    for (int table : tables) {
      check.table(table);
    }
    return new Result(List.copyOf(check.problems), List.copyOf(check.names));
  }

  /** The same rule name twice, within a file or across files: refused at the second place. */
  public static List<RuleProblem> sameNameTwice(List<RuleName> names) {
    Map<String, RuleName> first = new HashMap<>();
    List<RuleProblem> problems = new ArrayList<>();
    for (RuleName n : names) {
      RuleName earlier = first.putIfAbsent(n.name(), n);
      if (earlier != null) {
        problems.add(
            new RuleProblem(
                n.file(),
                n.sheet(),
                n.cell(),
                "the rule name \""
                    + n.name()
                    + "\" is already used at "
                    + earlier.where()
                    + ": give each row its own name"));
      }
    }
    return problems;
  }

  private void tablesOnLaterSheets(Workbook wb) {
    for (int s = 1; s < wb.getNumberOfSheets(); s++) {
      Sheet later = wb.getSheetAt(s);
      for (int row : ruleTableRows(later)) {
        Cell cell = ruleTableCell(later.getRow(row));
        problems.add(
            new RuleProblem(
                file,
                later.getSheetName(),
                cell.getAddress().formatAsString(),
                "this table is on sheet "
                    + (s + 1)
                    + ", but only the first sheet (\""
                    + sheet.getSheetName()
                    + "\") is read: move the table to the first sheet, or into a workbook of"
                    + " its own"));
      }
    }
  }

  private List<Integer> ruleTableRows(Sheet s) {
    List<Integer> rows = new ArrayList<>();
    for (Row row : s) {
      if (ruleTableCell(row) != null) {
        rows.add(row.getRowNum());
      }
    }
    return rows;
  }

  static Cell ruleTableCell(Row row) {
    if (row == null) {
      return null;
    }
    for (Cell c : row) {
      if (RULE_TABLE.matcher(RawCell.of(c).text()).matches()) {
        return c;
      }
    }
    return null;
  }

  private void table(int tableRow) {
    Row keywords = sheet.getRow(tableRow + KEYWORDS);
    if (keywords == null) {
      return; // Drools names a table without keywords itself
    }
    Map<Integer, String> keywordOf = new LinkedHashMap<>();
    for (Cell c : keywords) {
      String k = RawCell.of(c).text().toUpperCase(Locale.ROOT);
      if (!k.isEmpty()) {
        keywordOf.put(c.getColumnIndex(), k);
      }
    }
    Set<Integer> underMergedLabel = hiddenOrMerged(tableRow, keywordOf);
    Integer nameColumn = null;
    Map<Integer, Column> columns = new LinkedHashMap<>();
    for (Map.Entry<Integer, String> k : keywordOf.entrySet()) {
      if (k.getValue().equals("NAME")) {
        nameColumn = k.getKey();
      } else if (typed(k.getValue()) && !underMergedLabel.contains(k.getKey())) {
        Column column = declared(tableRow, k.getKey());
        if (column != null) {
          columns.put(k.getKey(), column);
        }
      }
    }
    if (columns.size() < keywordOf.values().stream().filter(DecisionTableCheck::typed).count()) {
      return; // a label is refused: its cells cannot be read yet
    }
    List<Row> rows = rows(tableRow + LABELS + 1);
    Bands bands = new Bands(file, sheet.getSheetName(), columns.values());
    Map<Integer, Map<String, String>> seen = new HashMap<>();
    for (Row row : rows) {
      row(row, keywordOf, nameColumn, columns, bands, seen);
    }
    problems.addAll(bands.problems());
  }

  /**
   * Merged or hidden cells of the header and rule rows, refused; returns the columns whose label a
   * merged cell to their left covers (refused as merged, not also as unlabelled).
   */
  private Set<Integer> hiddenOrMerged(int tableRow, Map<Integer, String> keywordOf) {
    if (keywordOf.isEmpty()) {
      return Set.of();
    }
    Set<Integer> deciding = new HashSet<>();
    keywordOf.forEach(
        (column, keyword) -> {
          if (typed(keyword)) {
            deciding.add(column);
          }
        });
    HiddenOrMergedCells.Found found =
        HiddenOrMergedCells.in(
            file,
            sheet,
            tableRow + LABELS,
            keywordOf.keySet().stream().min(Integer::compare).orElseThrow(),
            keywordOf.keySet().stream().max(Integer::compare).orElseThrow(),
            deciding);
    problems.addAll(found.problems());
    return found.underMergedLabel();
  }

  private static boolean typed(String keyword) {
    return keyword.startsWith("CONDITION") || keyword.startsWith("ACTION");
  }

  private Column declared(int tableRow, int column) {
    Cell label = cell(tableRow + LABELS, column);
    try {
      return Column.declared(
          column, RawCell.of(label).text(), RawCell.of(cell(tableRow + TEMPLATES, column)).text());
    } catch (Column.Refused e) {
      problems.add(problem(tableRow + LABELS, column, e.getMessage()));
      return null;
    }
  }

  /**
   * The table's rows, up to the first empty row. Anything typed below that gap (other than the next
   * table) would be ignored by Drools, so it is refused here.
   */
  private List<Row> rows(int first) {
    List<Row> rows = new ArrayList<>();
    int r = first;
    for (; r <= sheet.getLastRowNum() && !blank(sheet.getRow(r)); r++) {
      rows.add(sheet.getRow(r));
    }
    int gap = r;
    while (r <= sheet.getLastRowNum() && blank(sheet.getRow(r))) {
      r++;
    }
    if (r <= sheet.getLastRowNum() && ruleTableCell(sheet.getRow(r)) == null) {
      problems.add(
          problem(
              gap,
              0,
              "row "
                  + (gap + 1)
                  + " is empty inside the table: Drools stops reading there and would ignore row "
                  + (r + 1)
                  + " below it. Delete the empty row"
                  + (r - gap > 1 ? "s" : "")
                  + ", or move row "
                  + (r + 1)
                  + " up"));
    }
    return rows;
  }

  private void row(
      Row row,
      Map<Integer, String> keywordOf,
      Integer nameColumn,
      Map<Integer, Column> columns,
      Bands bands,
      Map<Integer, Map<String, String>> seen) {
    int r = row.getRowNum();
    for (Cell c : row) {
      if (!keywordOf.containsKey(c.getColumnIndex()) && !RawCell.of(c).isEmpty()) {
        problems.add(
            problem(
                r,
                c.getColumnIndex(),
                "\""
                    + RawCell.of(c).text()
                    + "\" is outside the table's columns, so it is never read: delete it, or give"
                    + " the column its header rows"));
      }
    }
    if (nameColumn != null) {
      String name = RawCell.of(row.getCell(nameColumn)).text();
      if (name.isEmpty()) {
        problems.add(
            problem(
                r,
                nameColumn,
                "row "
                    + (r + 1)
                    + " has no rule name: name it by what it decides (e.g."
                    + " RegulatedDataCannotGoToAnApi), each row its own name"));
      } else {
        names.add(new RuleName(name, file, sheet.getSheetName(), ref(r, nameColumn)));
      }
    }
    for (Column column : columns.values()) {
      Cell cell = row.getCell(column.index());
      CellReading reading = column.type().read(cell);
      if (reading.refused()) {
        problems.add(problem(r, column.index(), reading.problem()));
        continue;
      }
      canonical(cell, reading.value());
      if (column.unique() && reading.value() != null) {
        String key = reading.value().toLowerCase(Locale.ROOT);
        String earlier =
            seen.computeIfAbsent(column.index(), k -> new HashMap<>())
                .putIfAbsent(key, ref(r, column.index()));
        if (earlier != null) {
          problems.add(problem(r, column.index(), alreadyIn(reading.value(), earlier, column)));
        }
      }
      bands.add(column, r, reading.value());
    }
  }

  /** Drools compiles the text the analyst meant, not how the cell is displayed. */
  private void canonical(Cell cell, String value) {
    if (cell == null) {
      return;
    }
    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
      cell.removeFormula();
    }
    if (value == null) {
      cell.setBlank();
    } else {
      cell.setCellValue(value);
      cell.setCellStyle(sheet.getWorkbook().getCellStyleAt(0));
    }
  }

  static boolean blank(Row row) {
    if (row == null) {
      return true;
    }
    for (Cell c : row) {
      if (!RawCell.of(c).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private Cell cell(int row, int column) {
    Row r = sheet.getRow(row);
    return r == null ? null : r.getCell(column);
  }

  private static String ref(int row, int column) {
    return new CellReference(row, column).formatAsString();
  }

  private RuleProblem problem(int row, int column, String message) {
    return new RuleProblem(file, sheet.getSheetName(), ref(row, column), message);
  }

  /** A unique column's value that an earlier row already has, in the analysts' words. */
  static String alreadyIn(String value, String earlier, Column column) {
    return "\""
        + value
        + "\" is already in "
        + earlier
        + ": each row needs its own "
        + column.name()
        + " (capitals do not count as a difference)";
  }
}
