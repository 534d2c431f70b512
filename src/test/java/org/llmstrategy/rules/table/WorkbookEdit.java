package org.llmstrategy.rules.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;

/** Edits of a copied rules folder made as an analyst would in a spreadsheet program, with POI. */
final class WorkbookEdit {
  private WorkbookEdit() {}

  /** Opens a workbook of the folder, applies the change and saves it in place. */
  static void edit(Path dir, String workbook, Consumer<Workbook> change) {
    Path file = dir.resolve(workbook);
    try {
      Workbook wb;
      try (InputStream in = Files.newInputStream(file)) {
        wb = WorkbookFactory.create(in);
      }
      try (wb) {
        change.accept(wb);
        try (OutputStream out = Files.newOutputStream(file)) {
          wb.write(out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cell at {@code ref} of the first sheet, created if it is missing. */
  static Cell cell(Workbook wb, String ref) {
    return cell(wb.getSheetAt(0), ref);
  }

  static Cell cell(Sheet sheet, String ref) {
    CellReference at = new CellReference(ref);
    Row row =
        sheet.getRow(at.getRow()) == null
            ? sheet.createRow(at.getRow())
            : sheet.getRow(at.getRow());
    return row.getCell(at.getCol()) == null
        ? row.createCell(at.getCol())
        : row.getCell(at.getCol());
  }

  /** A number stored as a number, shown with the given display format (e.g. "$#,##0.00"). */
  static void number(Workbook wb, String ref, double value, String format) {
    Cell cell = cell(wb, ref);
    CellStyle style = wb.createCellStyle();
    style.setDataFormat(wb.createDataFormat().getFormat(format));
    cell.setCellStyle(style);
    cell.setCellValue(value);
  }

  /** Empties a row entirely, as selecting it and pressing Delete does. */
  static void clearRow(Workbook wb, int rowNumber) {
    Sheet sheet = wb.getSheetAt(0);
    Row row = sheet.getRow(rowNumber - 1);
    if (row != null) {
      sheet.removeRow(row);
    }
  }

  /** Copies a row's values to another row (new or existing), as copy and paste does. */
  static void copyRow(Workbook wb, int from, int to) {
    Sheet sheet = wb.getSheetAt(0);
    Row source = sheet.getRow(from - 1);
    Row target = sheet.getRow(to - 1) == null ? sheet.createRow(to - 1) : sheet.getRow(to - 1);
    for (Cell c : source) {
      Cell t = target.createCell(c.getColumnIndex());
      t.setCellStyle(c.getCellStyle());
      switch (c.getCellType()) {
        case NUMERIC -> t.setCellValue(c.getNumericCellValue());
        case BOOLEAN -> t.setCellValue(c.getBooleanCellValue());
        case STRING -> t.setCellValue(c.getStringCellValue());
        default -> t.setBlank();
      }
    }
  }

  /**
   * The problems that refuse the folder; fails if it is accepted. Checks every one reads plainly.
   */
  static List<String> problems(RuleFolderFixture fixture) {
    try {
      fixture.build();
    } catch (RuleSetRejectedException e) {
      List<String> problems = e.problems().stream().map(RuleProblem::toString).toList();
      problems.forEach(p -> System.out.println("problem: " + p));
      assertPlainWords(problems, fixture.dir());
      return problems;
    }
    throw new AssertionError("the rule set was accepted");
  }

  /** No Java class or exception name, no parser text, no path of the machine. */
  static void assertPlainWords(List<String> problems, Path dir) {
    for (String p : problems) {
      org.assertj.core.api.Assertions.assertThat(p)
          .doesNotContainIgnoringCase("exception")
          .doesNotContain("java.")
          .doesNotContain("org.")
          .doesNotContainIgnoringCase("apache")
          .doesNotContain("mismatched input")
          .doesNotContain(dir.toAbsolutePath().toString())
          .doesNotContain("/tmp/")
          .doesNotMatch("(?s).*\\b[A-Z][a-z]+[A-Z]\\w*(Exception|Error)\\b.*");
    }
  }
}
