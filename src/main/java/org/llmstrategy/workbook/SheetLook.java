package org.llmstrategy.workbook;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The looks every workbook shares: column widths that fit their values, wrapped text with rows tall
 * enough for it, a header that stands out, and dropdowns. Measures are in characters, as the
 * spreadsheet programs measure column widths.
 */
final class SheetLook {
  static final DataFormatter FORMATTER = new DataFormatter();

  /** Below the last row, new rows an analyst types still get the dropdowns. */
  static final int ROWS_FOR_NEW_ENTRIES = 200;

  private static final int NARROWEST = 8;
  private static final float DEFAULT_FONT_POINTS = 11;
  private static final int WIDEST_TEXT = 46;
  private static final int WIDEST_HEADER_WORD = 34;
  private static final int HEADER_LINES = 4;

  private final XSSFSheet sheet;
  private final Map<Short, CellStyle> wrapped = new HashMap<>();
  private final Map<Short, CellStyle> header = new HashMap<>();

  SheetLook(XSSFSheet sheet) {
    this.sheet = sheet;
  }

  /**
   * Sets each column from {@code firstCol} to {@code lastCol} as wide as its longest value in the
   * given rows (text columns wrap beyond {@link #WIDEST_TEXT}), and at least as wide as the longest
   * word of its header.
   */
  void fitColumns(int headerRow, int firstRow, int lastRow, int firstCol, int lastCol) {
    for (int col = firstCol; col <= lastCol; col++) {
      int widest = NARROWEST;
      for (int r = firstRow; r <= lastRow; r++) {
        widest = Math.max(widest, longestLine(cellText(r, col)) + 2);
      }
      String heading = cellText(headerRow, col);
      widest = Math.max(widest, Math.min(heading.length() / HEADER_LINES + 3, WIDEST_TEXT));
      for (String word : heading.split("\\s+")) {
        widest = Math.max(widest, Math.min(word.length() + 2, WIDEST_HEADER_WORD));
      }
      sheet.setColumnWidth(col, Math.min(widest, WIDEST_TEXT) * 256);
    }
  }

  /** Wraps the cells of a row and makes the row tall enough for its longest wrapped cell. */
  void wrapRow(int rowIndex, int lastCol, boolean asHeader) {
    Row row = sheet.getRow(rowIndex);
    if (row == null) {
      return;
    }
    int lines = 1;
    float fontPoints = 0;
    for (int col = 0; col <= lastCol; col++) {
      Cell cell = row.getCell(col);
      if (cell == null) {
        continue;
      }
      cell.setCellStyle(asHeader ? headerStyle(cell.getCellStyle()) : wrappedStyle(cell));
      fontPoints = Math.max(fontPoints, fontOf(cell.getCellStyle()).getFontHeightInPoints() * 1.0f);
      lines = Math.max(lines, linesNeeded(FORMATTER.formatCellValue(cell), charsPerLine(col)));
    }
    float points = fontPoints == 0 ? DEFAULT_FONT_POINTS : fontPoints;
    row.setHeightInPoints(lines * points * 1.25f + 4);
  }

  /** Bold, wrapped, on a light fill, with a line below: the row analysts read the columns by. */
  private CellStyle headerStyle(CellStyle base) {
    return header.computeIfAbsent(
        base.getIndex(),
        i -> {
          CellStyle s = sheet.getWorkbook().createCellStyle();
          s.cloneStyleFrom(base);
          Font font = sheet.getWorkbook().createFont();
          Font was = fontOf(base);
          font.setFontName(was.getFontName());
          font.setFontHeightInPoints(was.getFontHeightInPoints());
          font.setBold(true);
          font.setColor(was.getColor());
          s.setFont(font);
          s.setWrapText(true);
          s.setVerticalAlignment(VerticalAlignment.TOP);
          s.setBorderBottom(BorderStyle.THIN);
          return s;
        });
  }

  private CellStyle wrappedStyle(Cell cell) {
    CellStyle base = cell.getCellStyle();
    if (base.getVerticalAlignment() == VerticalAlignment.TOP
        && (base.getWrapText() || cell.getCellType() != CellType.STRING)) {
      return base;
    }
    boolean text = cell.getCellType() == CellType.STRING;
    return wrapped.computeIfAbsent(
        (short) (text ? base.getIndex() : -1 - base.getIndex()),
        i -> {
          CellStyle s = sheet.getWorkbook().createCellStyle();
          s.cloneStyleFrom(base);
          s.setWrapText(text || base.getWrapText());
          s.setVerticalAlignment(VerticalAlignment.TOP);
          return s;
        });
  }

  /** A dropdown over the rows of a column; a wrong single value is stopped, lists only warned. */
  void dropdown(int col, int firstRow, int lastRow, ColumnValues values, String what) {
    if (values.kind() == ColumnValues.Kind.FREE) {
      return;
    }
    DataValidationHelper helper = sheet.getDataValidationHelper();
    DataValidationConstraint list =
        helper.createExplicitListConstraint(values.allowed().toArray(String[]::new));
    DataValidation v =
        helper.createValidation(list, new CellRangeAddressList(firstRow, lastRow, col, col));
    String allowed = String.join(", ", values.allowed());
    boolean one = values.kind() == ColumnValues.Kind.ONE_OF;
    v.setErrorStyle(one ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.INFO);
    v.setShowErrorBox(true);
    v.createErrorBox(
        "Not a value of this column",
        one
            ? what + " is one of: " + allowed + "."
            : what + " takes one or several of: " + allowed + ", separated by commas.");
    v.setShowPromptBox(false);
    v.setEmptyCellAllowed(true);
    v.setSuppressDropDownArrow(true); // in XSSF, true shows the arrow
    sheet.addValidationData(v);
  }

  /**
   * Printed (or saved as PDF) landscape, all columns on the page width, the header on every page.
   */
  void printOnePageWide(int lastHeaderRow) {
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setLandscape(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
    sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(0, lastHeaderRow, -1, -1));
  }

  /** Drops the sheet's dropdowns, so laying out twice gives the same workbook. */
  void clearDropdowns() {
    if (sheet.getCTWorksheet().isSetDataValidations()) {
      sheet.getCTWorksheet().unsetDataValidations();
    }
  }

  String cellText(int row, int col) {
    Row r = sheet.getRow(row);
    Cell c = r == null ? null : r.getCell(col);
    return c == null ? "" : FORMATTER.formatCellValue(c);
  }

  private int charsPerLine(int col) {
    // a little narrower than the width: letters are wider than the digits widths are measured in
    return Math.max(1, sheet.getColumnWidth(col) * 9 / 10 / 256 - 1);
  }

  private Font fontOf(CellStyle style) {
    return sheet.getWorkbook().getFontAt(style.getFontIndex());
  }

  /** Lines a text takes when wrapped at word boundaries, as the spreadsheet programs wrap it. */
  static int linesNeeded(String text, int charsPerLine) {
    int lines = 0;
    for (String paragraph : text.split("\n", -1)) {
      int used = 0;
      lines++;
      for (String word : paragraph.split(" ")) {
        int needed = used == 0 ? word.length() : used + 1 + word.length();
        if (needed <= charsPerLine) {
          used = needed;
          continue;
        }
        if (used > 0) {
          lines++;
        }
        used = word.length();
        for (; used > charsPerLine; used -= charsPerLine) {
          lines++;
        }
      }
    }
    return Math.max(1, lines);
  }

  private static int longestLine(String text) {
    int longest = 0;
    for (String line : text.split("\n", -1)) {
      longest = Math.max(longest, line.length());
    }
    return longest;
  }
}
