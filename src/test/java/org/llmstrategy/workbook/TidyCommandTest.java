package org.llmstrategy.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.scenarios.ScenarioRunner;

/** {@code tidy} changes how the workbooks look, never what they hold or decide. */
class TidyCommandTest {
  @TempDir Path temp;

  @Test
  void tidyingTheShippedRulesKeepsEveryCellAndEveryScenarioGreen() throws IOException {
    Path dir = RuleFolderFixture.copyOfShippedRules(temp).dir();
    Map<String, String> before = cellValues(dir);

    String printed = tidy(dir);

    assertThat(printed).contains("Tidied 12 workbooks").doesNotContain("left as it was");
    assertThat(cellValuesWithoutNote(dir)).isEqualTo(withoutNote(before));
    RuleSet rules = new RuleSetBuilder().build(dir.toString(), RuleFolder.read(dir));
    var report = ScenarioRunner.standalone().check(rules, null);
    assertThat(report.failures()).isEmpty();
    assertThat(report.checked()).isPositive();
  }

  @Test
  void tidyKeepsNumbersAndDatesStoredAsNumbersAndDates() throws IOException {
    RuleFolderFixture rules = RuleFolderFixture.copyOfShippedRules(temp);
    Path dir = rules.dir();
    // an analyst's currency-formatted budget and a real date: tidy must not make them text
    Path matrix = dir.resolve("deployment/DeploymentMatrix.drl.xlsx");
    try (Workbook wb = open(matrix)) {
      Cell budget = wb.getSheetAt(0).getRow(16).getCell(8);
      var money = wb.createCellStyle();
      money.cloneStyleFrom(budget.getCellStyle());
      money.setDataFormat(wb.createDataFormat().getFormat("$#,##0"));
      budget.setCellStyle(money);
      Cell date = wb.getSheetAt(0).getRow(16).createCell(30);
      var iso = wb.createCellStyle();
      iso.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      date.setCellStyle(iso);
      date.setCellValue(java.time.LocalDate.of(2026, 12, 1));
      RuleFolderFixture.saveLikeAnEditor(wb, matrix);
    }
    Map<String, String> before = storedNumbers(dir);
    assertThat(before)
        .containsEntry("deployment/DeploymentMatrix.drl.xlsx!I17", "50000.0 $#,##0")
        .containsEntry("deployment/DeploymentMatrix.drl.xlsx!AE17", "date 2026-12-01");

    tidy(dir);

    assertThat(storedNumbers(dir)).isEqualTo(before);
  }

  /** Every cell stored as a number, by file and reference: its value and format, or its date. */
  private static Map<String, String> storedNumbers(Path dir) throws IOException {
    Map<String, String> numbers = new TreeMap<>();
    for (Path file : workbooks(dir)) {
      try (Workbook wb = open(file)) {
        for (Row row : wb.getSheetAt(0)) {
          for (Cell cell : row) {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
              numbers.put(
                  dir.relativize(file) + "!" + cell.getAddress(),
                  org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
                      ? "date " + cell.getLocalDateTimeCellValue().toLocalDate()
                      : cell.getNumericCellValue()
                          + " "
                          + cell.getCellStyle().getDataFormatString());
            }
          }
        }
      }
    }
    return numbers;
  }

  @Test
  void tidyingTwiceGivesTheSameLayout() throws IOException {
    Path dir = RuleFolderFixture.copyOfShippedRules(temp).dir();
    tidy(dir);
    Map<String, String> once = layout(dir);
    tidy(dir);
    assertThat(layout(dir)).isEqualTo(once);
  }

  /** A linked workbook may point anywhere: tidy would have rewritten what it points to. */
  @Test
  void aLinkedWorkbookIsNeverWrittenThrough() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("rules"));
    Path elsewhere = temp.resolve("Elsewhere.xlsx");
    Files.copy(Path.of("rules/cost/UsageTiers.drl.xlsx"), elsewhere);
    byte[] before = Files.readAllBytes(elsewhere);
    Files.createSymbolicLink(dir.resolve("Linked.drl.xlsx"), elsewhere);

    assertThat(tidy(dir)).contains("Linked.drl.xlsx: left as it was, it is a symbolic link");
    assertThat(Files.readAllBytes(elsewhere)).isEqualTo(before);
  }

  @Test
  void aFolderThatIsNotThereIsSaidSo() {
    var out = new ByteArrayOutputStream();
    int exit =
        TidyCommand.run(
            List.of(temp.resolve("nowhere").toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("is not a folder");
  }

  private static String tidy(Path dir) {
    var out = new ByteArrayOutputStream();
    int exit =
        TidyCommand.run(
            List.of(dir.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(exit).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Every non-empty cell of every workbook's first sheet, by file and cell reference. */
  static Map<String, String> cellValues(Path dir) throws IOException {
    Map<String, String> values = new TreeMap<>();
    for (Path file : workbooks(dir)) {
      try (Workbook wb = open(file)) {
        for (Row row : wb.getSheetAt(0)) {
          for (Cell cell : row) {
            String v = cell.toString();
            if (!v.isBlank()) {
              values.put(dir.relativize(file) + "!" + cell.getAddress(), v);
            }
          }
        }
      }
    }
    return values;
  }

  private static Map<String, String> cellValuesWithoutNote(Path dir) throws IOException {
    return withoutNote(cellValues(dir));
  }

  /** The one thing tidy writes: the "How to edit" note above each table. */
  private static Map<String, String> withoutNote(Map<String, String> values) {
    Map<String, String> kept = new TreeMap<>(values);
    List<String> note = new ArrayList<>();
    kept.forEach(
        (k, v) -> {
          if (v.equals(DecisionTableSheet.HOW_TO_EDIT)
              || v.equals(DecisionTableSheet.HOW_TO_EDIT_TEXT)) {
            note.add(k);
          }
        });
    note.forEach(kept::remove);
    return kept;
  }

  private static Map<String, String> layout(Path dir) throws IOException {
    Map<String, String> layout = new TreeMap<>();
    for (Path file : workbooks(dir)) {
      try (Workbook wb = open(file)) {
        Sheet s = wb.getSheetAt(0);
        StringBuilder b = new StringBuilder();
        b.append(s.getDataValidations().size()).append(" dropdowns; ");
        b.append(s.getPaneInformation().getHorizontalSplitPosition()).append(" frozen; ");
        for (Row row : s) {
          b.append(row.getRowNum())
              .append(':')
              .append(row.getHeight())
              .append(row.getZeroHeight() ? "h" : "")
              .append(' ');
        }
        for (int c = 0; c < 30; c++) {
          b.append(s.getColumnWidth(c)).append(',');
        }
        layout.put(dir.relativize(file).toString(), b.toString());
      }
    }
    return layout;
  }

  static List<Path> workbooks(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
    }
  }

  static Workbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return WorkbookFactory.create(in);
    }
  }
}
