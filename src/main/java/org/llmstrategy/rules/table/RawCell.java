package org.llmstrategy.rules.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * A cell's stored value, whatever its display: a number stored as a number, a real date, a boolean
 * or text. A formula counts as the value it last computed. The display format (currency, thousands
 * separators, decimals shown) never changes what a cell holds.
 */
public record RawCell(Kind kind, String text, BigDecimal number, LocalDate date, Boolean bool) {
  public enum Kind {
    EMPTY,
    TEXT,
    NUMBER,
    DATE,
    BOOLEAN,
    ERROR
  }

  static final RawCell BLANK = new RawCell(Kind.EMPTY, "", null, null, null);

  public static RawCell of(Cell cell) {
    if (cell == null) {
      return BLANK;
    }
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      Boolean typed = typedBoolean(cell);
      if (typed != null) { // LibreOffice saves a typed TRUE as =TRUE(), cached as the number 1
        return new RawCell(Kind.BOOLEAN, typed.toString(), null, null, typed);
      }
      type = cell.getCachedFormulaResultType();
    }
    return switch (type) {
      case NUMERIC -> number(cell);
      case BOOLEAN ->
          new RawCell(
              Kind.BOOLEAN,
              String.valueOf(cell.getBooleanCellValue()),
              null,
              null,
              cell.getBooleanCellValue());
      case STRING -> text(cell.getRichStringCellValue().getString());
      case ERROR ->
          new RawCell(
              Kind.ERROR,
              FormulaError.forInt(cell.getErrorCellValue()).getString(),
              null,
              null,
              null);
      default -> BLANK;
    };
  }

  /**
   * A formula cell that is TRUE or FALSE written as a formula ({@code TRUE()}, {@code FALSE}): its
   * value, whatever type the program cached it as (LibreOffice: a number); else null.
   */
  public static Boolean typedBoolean(Cell cell) {
    if (cell == null || cell.getCellType() != CellType.FORMULA) {
      return null;
    }
    String f = cell.getCellFormula().strip().toUpperCase(java.util.Locale.ROOT);
    return switch (f) {
      case "TRUE()", "TRUE" -> Boolean.TRUE;
      case "FALSE()", "FALSE" -> Boolean.FALSE;
      default -> null;
    };
  }

  static RawCell text(String text) {
    String t = text == null ? "" : text.strip();
    return t.isEmpty() ? BLANK : new RawCell(Kind.TEXT, t, null, null, null);
  }

  private static RawCell number(Cell cell) {
    if (DateUtil.isCellDateFormatted(cell)) {
      LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
      return new RawCell(Kind.DATE, date.toString(), null, date, null);
    }
    BigDecimal n = plain(BigDecimal.valueOf(cell.getNumericCellValue()));
    return new RawCell(Kind.NUMBER, n.toPlainString(), n, null, null);
  }

  /** Without trailing zeros, and never in exponent notation. */
  static BigDecimal plain(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  public boolean isEmpty() {
    return kind == Kind.EMPTY;
  }
}
