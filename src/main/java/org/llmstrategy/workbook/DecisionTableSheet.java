package org.llmstrategy.workbook;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.llmstrategy.rules.reference.ReferenceTables;
import org.llmstrategy.rules.table.ReferenceSheet;

/**
 * A Drools decision table laid out for people: below the {@code RuleTable} cell come the keyword,
 * object-type and template rows (the machinery, grouped and collapsed), the label row analysts read
 * the columns by (frozen, wrapped, tall enough), then one rule per row until the first blank row.
 */
final class DecisionTableSheet {
  private static final int KEYWORDS = 1;
  private static final int TEMPLATES = 3;
  private static final int LABELS = 4;
  private static final Pattern ONE_ENUM = Pattern.compile("\\b([A-Z]\\w*)\\.\\$param\\b");
  private static final Pattern SEVERAL_ENUM = Pattern.compile("==\\s*([A-Z]\\w*)\\.\\$\\s*}");

  static final String HOW_TO_EDIT = "How to edit";
  static final String HOW_TO_EDIT_TEXT =
      "One row is one rule; every row that matches applies. Add a row below the last one (no"
          + " blank row inside the table), give it a unique name in the first column and the"
          + " article's words in the second, fill only the cells that matter. Dropdowns offer the"
          + " allowed values. The grouped rows above the header are the table's machinery: open"
          + " them (the + in the margin) only to add a column. Then run: java -jar"
          + " llm-strategy-decision.jar validate rules";

  /** The catalog is read as data (see rules/README.md): its rows are models, not rules. */
  static final String HOW_TO_EDIT_CATALOG =
      "One row is one model (the rules read the catalog as data and decide what each model is"
          + " good for). Add a row below the last one (no blank row inside the table), give it a"
          + " unique name in the first column, fill what you know: an empty cell is unknown, never"
          + " the best value. Refresh prices with import-prices (rules/README.md). Dropdowns offer"
          + " the allowed values; the grouped rows above the header are the table's machinery."
          + " Then run: java -jar llm-strategy-decision.jar validate rules";

  private final XSSFSheet sheet;
  private final int ruleTable;
  private final SheetLook look;

  DecisionTableSheet(XSSFSheet sheet, int ruleTable) {
    this.sheet = sheet;
    this.ruleTable = ruleTable;
    this.look = new SheetLook(sheet);
  }

  /** The 0-based row of the {@code RuleTable} cell in the first column, or null. */
  static Integer ruleTableRow(XSSFSheet sheet) {
    for (Row row : sheet) {
      if (WorkbookLayout.text(sheet, row.getRowNum(), 0).startsWith("RuleTable")) {
        return row.getRowNum();
      }
    }
    return null;
  }

  String layOut() {
    int labels = ruleTable + LABELS;
    int firstRule = labels + 1;
    int lastRule = lastRule(firstRule);
    int lastCol = lastColumn(ruleTable + KEYWORDS);
    writeHowToEdit();
    look.fitColumns(labels, firstRule, lastRule, 0, lastCol);
    look.wrapRow(labels, lastCol, true);
    for (int r = firstRule; r <= lastRule; r++) {
      look.wrapRow(r, lastCol, false);
    }
    int dropdowns = addDropdowns(firstRule, lastRule + SheetLook.ROWS_FOR_NEW_ENTRIES, lastCol);
    groupMachinery();
    look.printOnePageWide(labels);
    sheet.createFreezePane(1, firstRule);
    return String.format(
        "decision table, %d rule rows, %d columns, %d dropdowns",
        lastRule - firstRule + 1, lastCol + 1, dropdowns);
  }

  /** A visible note on the sheet, in the free row above the table when there is one. */
  private void writeHowToEdit() {
    int row = ruleTable - 1;
    String there = WorkbookLayout.text(sheet, row, 0);
    if (row < 0 || !(there.isEmpty() || there.equals(HOW_TO_EDIT))) {
      return;
    }
    if (ReferenceSheet.firstKey(sheet.getWorkbook()).isPresent()
        && !WorkbookLayout.text(sheet, row, 1).isEmpty()) {
      return; // a table of data says itself what one row is
    }
    Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
    r.createCell(0).setCellValue(HOW_TO_EDIT);
    r.createCell(1).setCellValue(isCatalog() ? HOW_TO_EDIT_CATALOG : HOW_TO_EDIT_TEXT);
    Row above = sheet.getRow(row - 1);
    Cell key = above == null ? null : above.getCell(0);
    if (key != null) {
      r.getCell(0).setCellStyle(key.getCellStyle());
    }
  }

  /** Whether the table is the model catalog: its first column's key is {@code model}. */
  private boolean isCatalog() {
    Row templates = sheet.getRow(ruleTable + TEMPLATES);
    if (templates == null) {
      return false;
    }
    for (Cell c : templates) {
      if (WorkbookLayout.text(sheet, ruleTable + TEMPLATES, c.getColumnIndex()).equals("model")) {
        return true;
      }
    }
    return false;
  }

  private int addDropdowns(int firstRow, int lastRow, int lastCol) {
    look.clearDropdowns();
    int added = 0;
    var reference = ReferenceSheet.firstKey(sheet.getWorkbook());
    for (int col = 0; col <= lastCol; col++) {
      String template = look.cellText(ruleTable + TEMPLATES, col);
      List<String> listed =
          reference.map(first -> ReferenceTables.oneOfValues(first, template)).orElse(List.of());
      ColumnValues values =
          listed.isEmpty()
              ? valuesOf(template)
              : new ColumnValues(ColumnValues.Kind.ONE_OF, listed); // a reference table's key
      if (values.kind() != ColumnValues.Kind.FREE) {
        look.dropdown(col, firstRow, lastRow, values, "This column");
        added++;
      }
    }
    return added;
  }

  /** The values a template takes: {@code Quality.$param} one quality, a forall several values. */
  static ColumnValues valuesOf(String template) {
    Matcher several = SEVERAL_ENUM.matcher(template);
    if (several.find()) {
      return ColumnValues.severalOf(ColumnValues.factEnum(several.group(1)));
    }
    Matcher one = ONE_ENUM.matcher(template);
    return one.find() ? ColumnValues.oneOf(ColumnValues.factEnum(one.group(1))) : ColumnValues.FREE;
  }

  /** Keyword, object-type and template rows: folded away, one click to open. */
  private void groupMachinery() {
    int first = ruleTable + KEYWORDS;
    int last = ruleTable + TEMPLATES;
    if (sheet.getRow(first) != null && sheet.getRow(first).getOutlineLevel() > 0) {
      sheet.ungroupRow(first, last);
    }
    for (int r = first; r <= last; r++) {
      if (sheet.getRow(r) == null) {
        sheet.createRow(r);
      }
    }
    sheet.groupRow(first, last);
    sheet.setRowGroupCollapsed(first, true);
  }

  private int lastRule(int firstRule) {
    int last = firstRule - 1;
    for (int r = firstRule; r <= sheet.getLastRowNum(); r++) {
      if (WorkbookLayout.text(sheet, r, 0).isEmpty()) {
        break;
      }
      last = r;
    }
    return last;
  }

  private int lastColumn(int keywordRow) {
    Row row = sheet.getRow(keywordRow);
    int last = 1;
    if (row != null) {
      for (Cell c : row) {
        if (!SheetLook.FORMATTER.formatCellValue(c).isBlank()) {
          last = Math.max(last, c.getColumnIndex());
        }
      }
    }
    return last;
  }
}
