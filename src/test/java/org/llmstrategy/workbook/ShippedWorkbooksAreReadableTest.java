package org.llmstrategy.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workbooks in rules/ as analysts open them: nothing cut off, the header and name column
 * frozen, the machinery folded away, a dropdown on every enum column reaching below the last row.
 * Fails when a workbook was saved without {@code tidy} after rows were added.
 */
class ShippedWorkbooksAreReadableTest {
  static Stream<Path> shippedWorkbooks() throws IOException {
    return TidyCommandTest.workbooks(Path.of("rules")).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedWorkbooks")
  void headerAndNameColumnAreFrozen(Path file) throws IOException {
    try (Workbook wb = TidyCommandTest.open(file)) {
      XSSFSheet sheet = (XSSFSheet) wb.getSheetAt(0);
      var pane = sheet.getPaneInformation();
      assertThat(pane).as("frozen panes").isNotNull();
      assertThat(pane.isFreezePane()).isTrue();
      assertThat((int) pane.getVerticalSplitPosition()).as("frozen columns").isEqualTo(1);
      assertThat((int) pane.getHorizontalSplitPosition())
          .as("frozen rows")
          .isEqualTo(headerRow(sheet) + 1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedWorkbooks")
  void everyRowIsTallEnoughForItsWrappedText(Path file) throws IOException {
    try (Workbook wb = TidyCommandTest.open(file)) {
      XSSFSheet sheet = (XSSFSheet) wb.getSheetAt(0);
      List<String> cut = new ArrayList<>();
      for (int r = headerRow(sheet); r <= lastRow(sheet); r++) {
        Row row = sheet.getRow(r);
        for (Cell cell : row) {
          String text = SheetLook.FORMATTER.formatCellValue(cell);
          int chars = Math.max(1, sheet.getColumnWidth(cell.getColumnIndex()) / 256 - 1);
          int lines = SheetLook.linesNeeded(text, chars);
          float points = wb.getFontAt(cell.getCellStyle().getFontIndex()).getFontHeightInPoints();
          boolean fits = lines == 1 || cell.getCellStyle().getWrapText();
          if (!fits || row.getHeightInPoints() < lines * points) {
            cut.add(
                cell.getAddress() + " (" + lines + " lines in " + row.getHeightInPoints() + " pt)");
          }
        }
      }
      assertThat(cut).as("cells whose text is cut or overprinted").isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedWorkbooks")
  void everyEnumColumnHasADropdownBelowTheLastRow(Path file) throws IOException {
    try (Workbook wb = TidyCommandTest.open(file)) {
      XSSFSheet sheet = (XSSFSheet) wb.getSheetAt(0);
      Integer table = DecisionTableSheet.ruleTableRow(sheet);
      int header = headerRow(sheet);
      List<String> missing = new ArrayList<>();
      for (Cell cell : sheet.getRow(header)) {
        int col = cell.getColumnIndex();
        ColumnValues values =
            table == null
                ? ScenarioSheet.valuesOf(SheetLook.FORMATTER.formatCellValue(cell).strip())
                : DecisionTableSheet.valuesOf(textAt(sheet, table + 3, col));
        if (values.kind() != ColumnValues.Kind.FREE
            && !covered(sheet, col, header + 1, lastRow(sheet) + 50)) {
          missing.add(cell.getAddress().toString());
        }
      }
      assertThat(missing).as("enum columns without a dropdown over every row").isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedWorkbooks")
  void theMachineryIsFoldedAway(Path file) throws IOException {
    try (Workbook wb = TidyCommandTest.open(file)) {
      XSSFSheet sheet = (XSSFSheet) wb.getSheetAt(0);
      Integer table = DecisionTableSheet.ruleTableRow(sheet);
      if (table == null) {
        return; // a scenario sheet has no machinery
      }
      for (int r = table + 1; r <= table + 3; r++) {
        assertThat(sheet.getRow(r).getZeroHeight()).as("row %d folded", r + 1).isTrue();
      }
      assertThat(textAt(sheet, table - 1, 0)).isEqualTo(DecisionTableSheet.HOW_TO_EDIT);
    }
  }

  private static boolean covered(XSSFSheet sheet, int col, int firstRow, int lastRow) {
    for (DataValidation v : sheet.getDataValidations()) {
      for (CellRangeAddress range : v.getRegions().getCellRangeAddresses()) {
        if (range.getFirstColumn() <= col
            && range.getLastColumn() >= col
            && range.getFirstRow() <= firstRow
            && range.getLastRow() >= lastRow) {
          return true;
        }
      }
    }
    return false;
  }

  private static int headerRow(XSSFSheet sheet) {
    Integer table = DecisionTableSheet.ruleTableRow(sheet);
    return table == null ? 0 : table + 4;
  }

  private static int lastRow(XSSFSheet sheet) {
    int r = headerRow(sheet);
    while (sheet.getRow(r + 1) != null && !textAt(sheet, r + 1, 0).isBlank()) {
      r++;
    }
    return r;
  }

  private static String textAt(XSSFSheet sheet, int row, int col) {
    return WorkbookLayout.text(sheet, row, col);
  }
}
