package org.llmstrategy.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Lays out one workbook in place: a decision table or a scenario sheet, recognised by shape. */
public final class WorkbookLayout {
  private WorkbookLayout() {}

  /** Lays the workbook out and says what it was; a workbook of neither shape is left alone. */
  static String tidy(Path file) {
    try (XSSFWorkbook wb = open(file)) {
      String what = layOut(wb);
      if (what != null) {
        save(wb, file);
      }
      return what == null ? "left alone: neither a decision table nor a scenario sheet" : what;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Lays out a workbook in memory (for a program that writes one, e.g. the price import) and says
   * what it was; null, untouched, when it is neither a decision table nor a scenario sheet.
   */
  public static String layOut(XSSFWorkbook wb) {
    XSSFSheet sheet = wb.getSheetAt(0);
    String what;
    Integer ruleTable = DecisionTableSheet.ruleTableRow(sheet);
    if (ruleTable != null) {
      what = new DecisionTableSheet(sheet, ruleTable).layOut();
    } else if ("name".equals(text(sheet, 0, 0))) {
      what = new ScenarioSheet(sheet).layOut();
    } else {
      return null;
    }
    wb.setActiveSheet(0);
    return what;
  }

  static String text(Sheet sheet, int row, int col) {
    Row r = sheet.getRow(row);
    Cell c = r == null ? null : r.getCell(col);
    return c == null ? "" : SheetLook.FORMATTER.formatCellValue(c).strip();
  }

  private static XSSFWorkbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }

  /** Written beside the file first, so an interrupted run never leaves half a workbook. */
  private static void save(XSSFWorkbook wb, Path file) throws IOException {
    Path temp = file.resolveSibling("." + file.getFileName() + ".tidy");
    try (OutputStream out = Files.newOutputStream(temp)) {
      wb.write(out);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
