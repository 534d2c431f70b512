package org.llmstrategy.rules.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.llmstrategy.rules.RuleProblem;

/**
 * Reads a reference table, a table that only describes things, into immutable records. It is laid
 * out like a decision table (so {@link DecisionTableCheck} checks its shape and row names and the
 * workbook tools style it), but its columns are {@value #KEYWORD} columns: the machinery row above
 * each label names the column's key ({@code provider}) instead of a Java statement, and the {@link
 * ReferenceTable} of that key says what the column holds. Every cell is read from its raw value
 * against the column's type and range, converted once to its Java value, and every mistake is named
 * at its file, sheet and cell in plain words.
 */
public final class ReferenceSheet {
  /** The keyword of a reference table's columns, in the keyword row. */
  public static final String KEYWORD = "DATA";

  /** One record and the cell of its first column (where a later duplicate is refused). */
  public record Entry<T>(T record, String file, String sheet, String cell, String name) {}

  /** The records, or the problems that kept rows from being read. */
  public record Result<T>(List<Entry<T>> rows, List<RuleProblem> problems) {}

  private static final int KEYWORDS = DecisionTableCheck.KEYWORDS;
  private static final int KEYS = DecisionTableCheck.TEMPLATES;
  private static final int LABELS = DecisionTableCheck.LABELS;

  private final String file;
  private final Sheet sheet;
  private final List<RuleProblem> problems = new ArrayList<>();

  private ReferenceSheet(String file, Sheet sheet) {
    this.file = file;
    this.sheet = sheet;
  }

  /**
   * The key of the first data column of the first sheet's table, when the table is a reference
   * table (its columns are {@value #KEYWORD} columns): says which {@link ReferenceTable} reads it.
   */
  public static Optional<String> firstKey(Workbook wb) {
    if (wb.getNumberOfSheets() == 0) {
      return Optional.empty();
    }
    Sheet sheet = wb.getSheetAt(0);
    Integer table = tableRow(sheet);
    Row keywords = table == null ? null : sheet.getRow(table + KEYWORDS);
    if (keywords == null) {
      return Optional.empty();
    }
    for (Cell c : keywords) {
      if (RawCell.of(c).text().equalsIgnoreCase(KEYWORD)) {
        return Optional.of(text(sheet, table + KEYS, c.getColumnIndex()));
      }
    }
    return Optional.empty();
  }

  /** The first sheet's table read as records of {@code table}. */
  public static <T> Result<T> read(String file, Workbook wb, ReferenceTable<T> table) {
    return new ReferenceSheet(file, wb.getSheetAt(0)).rows(table);
  }

  private <T> Result<T> rows(ReferenceTable<T> table) {
    int tableRow = tableRow(sheet);
    Map<Integer, ReferenceTable.Field> fields = new LinkedHashMap<>();
    Map<Integer, Column> columns = new LinkedHashMap<>();
    header(table, tableRow, fields, columns);
    if (!problems.isEmpty()) {
      return new Result<>(List.of(), List.copyOf(problems));
    }
    int first = fields.keySet().iterator().next();
    List<Entry<T>> rows = new ArrayList<>();
    Map<Integer, Map<String, String>> seen = new HashMap<>();
    int r = tableRow + LABELS + 1;
    for (; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (DecisionTableCheck.blank(row)) {
        break; // the shape check refuses anything below a gap, except another table
      }
      T record = row(table, row, fields, columns, seen);
      if (record != null) {
        rows.add(
            new Entry<>(
                record,
                file,
                sheet.getSheetName(),
                ref(r, first),
                RawCell.of(row.getCell(first)).text()));
      }
    }
    for (; r <= sheet.getLastRowNum(); r++) {
      Cell another = DecisionTableCheck.ruleTableCell(sheet.getRow(r));
      if (another != null) {
        problems.add(
            problem(
                r,
                another.getColumnIndex(),
                "a sheet of "
                    + table.name()
                    + " holds one table, so this one would never be read: move its rows into the"
                    + " table above, or into a workbook of its own"));
      }
    }
    return new Result<>(List.copyOf(rows), List.copyOf(problems));
  }

  /** Each data column's field, by the key above its label, and its label checked against it. */
  private void header(
      ReferenceTable<?> table,
      int tableRow,
      Map<Integer, ReferenceTable.Field> fields,
      Map<Integer, Column> columns) {
    Row keywords = sheet.getRow(tableRow + KEYWORDS);
    Map<String, Integer> columnOf = new HashMap<>();
    for (Cell c : keywords) {
      String keyword = RawCell.of(c).text();
      if (keyword.toUpperCase(Locale.ROOT).startsWith("CONDITION")
          || keyword.toUpperCase(Locale.ROOT).startsWith("ACTION")) {
        problems.add(
            problem(
                tableRow + KEYWORDS,
                c.getColumnIndex(),
                "a table of "
                    + table.name()
                    + " only describes: its columns are "
                    + KEYWORD
                    + " columns, not "
                    + keyword));
        continue;
      }
      if (!keyword.equalsIgnoreCase(KEYWORD)) {
        continue; // NAME and DESCRIPTION: the row's name and the analyst's words
      }
      int col = c.getColumnIndex();
      String key = text(sheet, tableRow + KEYS, col);
      ReferenceTable.Field field = table.field(key);
      if (key.isEmpty()) {
        problems.add(
            problem(
                tableRow + KEYS,
                col,
                "this column names no key in the machinery row above its label: type the key of"
                    + " what it holds, one of "
                    + table.keys()));
        continue;
      }
      if (field == null) {
        problems.add(
            problem(
                tableRow + KEYS,
                col,
                "\""
                    + key
                    + "\" is not a column of the "
                    + table.name()
                    + ": check its spelling; the columns are "
                    + table.keys()));
        continue;
      }
      Integer earlier = columnOf.putIfAbsent(key, col);
      if (earlier != null) {
        problems.add(
            problem(
                tableRow + KEYS,
                col,
                "\""
                    + key
                    + "\" is already the column "
                    + CellReference.convertNumToColString(earlier)
                    + ": each column once"));
        continue;
      }
      Column column = labelled(tableRow + LABELS, col, field);
      if (column != null) {
        fields.put(col, field);
        columns.put(col, column);
      }
    }
    for (ReferenceTable.Field f : table.fields()) {
      if (f.required() && !columnOf.containsKey(f.key())) {
        problems.add(
            problem(
                tableRow,
                0,
                "the table has no column \""
                    + f.key()
                    + "\", which every "
                    + table.name()
                    + " row needs: add it (its key in the machinery row, its label below)"));
      }
    }
  }

  /** The column as its label declares it, when that is the type its key holds. */
  private Column labelled(int labelRow, int col, ReferenceTable.Field field) {
    Column column;
    try {
      column = Column.labelled(col, text(sheet, labelRow, col));
    } catch (Column.Refused e) {
      problems.add(problem(labelRow, col, e.getMessage()));
      return null;
    }
    if (column.type().kind() != field.type().kind()) {
      problems.add(
          problem(
              labelRow,
              col,
              "the column \""
                  + column.name()
                  + "\" holds "
                  + field.type().kind().word()
                  + " values: end its label with ["
                  + field.type().kind().word()
                  + "]"));
      return null;
    }
    return column;
  }

  private <T> T row(
      ReferenceTable<T> table,
      Row row,
      Map<Integer, ReferenceTable.Field> fields,
      Map<Integer, Column> columns,
      Map<Integer, Map<String, String>> seen) {
    int r = row.getRowNum();
    Map<String, Object> values = new HashMap<>();
    Map<String, String> cells = new LinkedHashMap<>();
    boolean refused = false;
    for (var e : fields.entrySet()) {
      int col = e.getKey();
      ReferenceTable.Field field = e.getValue();
      Column column = columns.get(col);
      cells.put(field.key(), ref(r, col));
      RawCell raw = RawCell.of(row.getCell(col));
      CellReading reading = field.type().read(raw);
      String why = reading.problem();
      if (why == null && reading.value() == null && field.required()) {
        why =
            "row "
                + (r + 1)
                + " has no "
                + column.name()
                + ": every row needs one, or delete the row";
      }
      if (why == null && reading.value() != null && isNumber(field)) {
        String out = field.range().refusal(new BigDecimal(reading.value()));
        why = out == null ? null : "\"" + raw.text() + "\" " + out;
      }
      if (why == null && column.unique() && reading.value() != null) {
        String earlier =
            seen.computeIfAbsent(col, k -> new HashMap<>())
                .putIfAbsent(reading.value().toLowerCase(Locale.ROOT), ref(r, col));
        if (earlier != null) {
          why = DecisionTableCheck.alreadyIn(reading.value(), earlier, column);
        }
      }
      if (why != null) {
        problems.add(problem(r, col, why));
        refused = true;
      } else {
        values.put(field.key(), field.type().javaValue(reading.value()));
      }
    }
    if (refused) {
      return null;
    }
    try {
      return table.record().apply(new ReferenceRow(values, cells));
    } catch (ReferenceRow.Refused e) {
      problems.add(new RuleProblem(file, sheet.getSheetName(), e.cell, e.getMessage()));
      return null;
    }
  }

  private static boolean isNumber(ReferenceTable.Field field) {
    return switch (field.type().kind()) {
      case NUMBER, WHOLE_NUMBER, COUNT, MONEY -> true;
      default -> false;
    };
  }

  private static Integer tableRow(Sheet sheet) {
    for (Row row : sheet) {
      if (DecisionTableCheck.ruleTableCell(row) != null) {
        return row.getRowNum();
      }
    }
    return null;
  }

  private static String text(Sheet sheet, int row, int column) {
    Row r = sheet.getRow(row);
    return r == null ? "" : RawCell.of(r.getCell(column)).text();
  }

  private static String ref(int row, int column) {
    return new CellReference(row, column).formatAsString();
  }

  private RuleProblem problem(int row, int column, String message) {
    return new RuleProblem(file, sheet.getSheetName(), ref(row, column), message);
  }
}
