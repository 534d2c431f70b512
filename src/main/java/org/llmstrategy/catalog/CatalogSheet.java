package org.llmstrategy.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.llmstrategy.rules.table.RawCell;
import org.llmstrategy.rules.table.ReferenceSheet;

/**
 * The catalog's reference table: its columns found by label (a column it lacks is added with its
 * key), one model per row from the row below the labels to the first row without a rule name. Reads
 * cells as text ({@code 2.5}, {@code 2026-06-30}); writes prices, counts and numbers as numbers and
 * dates as dates, so the workbook sorts and averages them.
 */
final class CatalogSheet {
  private static final int KEYWORDS = 1;
  private static final int TEMPLATES = 3;
  private static final int LABELS = 4;

  final String file;
  final XSSFSheet sheet;
  private final int ruleTable;
  private final Map<CatalogColumn, Integer> columns = new EnumMap<>(CatalogColumn.class);
  private final List<CatalogColumn> added = new ArrayList<>();
  private final Map<String, CellStyle> formats = new HashMap<>();
  private static final String DATE = "yyyy-mm-dd";

  private CatalogSheet(String file, XSSFSheet sheet, int ruleTable) {
    this.file = file;
    this.sheet = sheet;
    this.ruleTable = ruleTable;
  }

  /** The catalog table of the sheet, or refused when the sheet is not a catalog workbook. */
  static CatalogSheet of(String file, XSSFSheet sheet) {
    Integer table = null;
    for (Row row : sheet) {
      if (text(row.getCell(0)).startsWith("RuleTable")) {
        table = row.getRowNum();
        break;
      }
    }
    if (table == null) {
      throw new PriceFileRefused(
          file + ": is not a catalog workbook: its first sheet holds no RuleTable");
    }
    CatalogSheet s = new CatalogSheet(file, sheet, table);
    s.findColumns();
    return s;
  }

  private void findColumns() {
    Row labels = sheet.getRow(ruleTable + LABELS);
    Row templates = sheet.getRow(ruleTable + TEMPLATES);
    if (labels == null || templates == null) {
      throw notCatalog("its table has no label row");
    }
    for (Cell c : labels) {
      String key = CatalogColumn.key(text(c));
      for (CatalogColumn col : CatalogColumn.values()) {
        if (col.labelKey().equals(key) && !columns.containsKey(col)) {
          columns.put(col, c.getColumnIndex());
        }
      }
    }
    Integer model = columns.get(CatalogColumn.MODEL);
    if (model == null || !text(templates.getCell(model)).equals(CatalogColumn.MODEL.key)) {
      throw notCatalog("it has no \"Model\" column (the key \"model\" above its label)");
    }
  }

  private PriceFileRefused notCatalog(String why) {
    return new PriceFileRefused(
        file + "!" + sheet.getSheetName() + ": is not a catalog workbook: " + why);
  }

  /** Adds every agreed column the workbook lacks, after its last one; says which. */
  List<CatalogColumn> addMissingColumns() {
    for (CatalogColumn col : CatalogColumn.values()) {
      if (!columns.containsKey(col)) {
        int at = lastColumn() + 1;
        copyHeader(ruleTable + KEYWORDS, at, ReferenceSheet.KEYWORD);
        copyHeader(ruleTable + KEYWORDS + 1, at, "");
        copyHeader(ruleTable + TEMPLATES, at, col.key);
        copyHeader(ruleTable + LABELS, at, col.label);
        columns.put(col, at);
        added.add(col);
      }
    }
    return List.copyOf(added);
  }

  private void copyHeader(int row, int col, String value) {
    Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
    Cell left = r.getCell(col - 1);
    Cell c = r.createCell(col);
    c.setCellValue(value);
    if (left != null) {
      c.setCellStyle(left.getCellStyle());
    }
  }

  private int lastColumn() {
    return sheet.getRow(ruleTable + LABELS).getLastCellNum() - 1;
  }

  int firstRow() {
    return ruleTable + LABELS + 1;
  }

  /** The model rows, in order: up to the first row without a rule name. */
  List<Integer> rows() {
    List<Integer> rows = new ArrayList<>();
    for (int r = firstRow(); r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null || text(row.getCell(0)).isEmpty()) {
        break;
      }
      rows.add(r);
    }
    return rows;
  }

  Set<String> ruleNames() {
    Set<String> names = new HashSet<>();
    for (int r : rows()) {
      names.add(text(sheet.getRow(r).getCell(0)).toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /** The cell's value as text: a number plainly (128000, 2.5), a date as YYYY-MM-DD. */
  String get(int row, CatalogColumn col) {
    Integer c = columns.get(col);
    Row r = sheet.getRow(row);
    return c == null || r == null ? "" : text(r.getCell(c));
  }

  String ruleName(int row) {
    return text(sheet.getRow(row).getCell(0));
  }

  /**
   * Writes a value as its column stores it (a number, a date or text), styled like the cell above
   * when it is new.
   */
  void set(int row, CatalogColumn col, String value) {
    Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
    int c = columns.get(col);
    Cell cell = r.getCell(c);
    if (cell == null) {
      cell = r.createCell(c);
      CellStyle above = styleAbove(row, c);
      if (above != null) {
        cell.setCellStyle(above);
      }
    }
    String format = storedAs(col);
    if (format == null || value.isEmpty()) {
      cell.setCellValue(value);
      return;
    }
    try {
      if (format.equals(DATE)) {
        cell.setCellValue(LocalDate.parse(value));
      } else {
        cell.setCellValue(new BigDecimal(value).doubleValue());
      }
    } catch (NumberFormatException | DateTimeParseException notOfItsType) {
      cell.setCellValue(value); // as typed: the rules check refuses it by its cell
      return;
    }
    cell.setCellStyle(formatted(cell.getCellStyle(), format));
  }

  /**
   * The display format of a column's numbers and dates, by the type its label declares; null for
   * text. Stored as numbers and dates, a sort by price or an =AVERAGE works in the workbook.
   */
  private static String storedAs(CatalogColumn col) {
    String label = col.label;
    if (label.contains("[money]")) {
      return "#,##0.00##";
    } else if (label.contains("[count]")) {
      return "#,##0";
    } else if (label.contains("[number]")) {
      return "General";
    } else if (label.contains("[date]")) {
      return DATE;
    }
    return null;
  }

  /** The cell's style with that number format, made once per style and format. */
  private CellStyle formatted(CellStyle base, String format) {
    // a new row's cell takes the style of the cell above, which already has the format: reuse it,
    // or each row would make a style of its own (thousands of styles: POI then refuses to re-read
    // the workbook as a zip bomb, and Excel caps a workbook at 64,000 styles)
    if (format.equals(base.getDataFormatString())) {
      return base;
    }
    return formats.computeIfAbsent(
        base.getIndex() + "\u0000" + format,
        k -> {
          CellStyle s = sheet.getWorkbook().createCellStyle();
          s.cloneStyleFrom(base);
          s.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat(format));
          return s;
        });
  }

  void setRuleName(int row, String name) {
    Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
    Cell cell = r.createCell(0);
    CellStyle above = styleAbove(row, 0);
    if (above != null) {
      cell.setCellStyle(above);
    }
    cell.setCellValue(name);
  }

  private CellStyle styleAbove(int row, int col) {
    if (row <= firstRow()) {
      return null;
    }
    Row above = sheet.getRow(row - 1);
    Cell c = above == null ? null : above.getCell(col);
    return c == null ? null : c.getCellStyle();
  }

  /** Removes the rows (0-based), moving the ones below up, so no empty row is left inside. */
  void removeRows(List<Integer> rows) {
    List<Integer> sorted = new ArrayList<>(rows);
    sorted.sort(java.util.Comparator.reverseOrder());
    for (int r : sorted) {
      sheet.removeRow(sheet.getRow(r));
      if (r < sheet.getLastRowNum()) {
        sheet.shiftRows(r + 1, sheet.getLastRowNum(), -1);
      }
    }
  }

  static String text(Cell cell) {
    RawCell raw = RawCell.of(cell);
    return raw.text();
  }
}
