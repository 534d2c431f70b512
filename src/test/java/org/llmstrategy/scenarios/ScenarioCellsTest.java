package org.llmstrategy.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.RuleProblem;

/**
 * Scenario cells are read for what they hold, typed by the request field their column is headed
 * with: 2.5 shown as "3" is 2.5, a TRUE cell is true, and a value the field cannot take is refused
 * at its cell.
 */
class ScenarioCellsTest {
  static final String SCENARIOS = "scenarios/Scenarios.xlsx";
  static final ScenarioRunner RUNNER = ScenarioRunner.standalone();

  @TempDir Path tmp;
  private int copies;

  private List<String> failures(Consumer<Workbook> change) throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(tmp.resolve("copy" + copies++));
    Path file = fixture.dir().resolve(SCENARIOS);
    Workbook wb;
    try (InputStream in = Files.newInputStream(file)) {
      wb = WorkbookFactory.create(in);
    }
    try (wb;
        OutputStream out = Files.newOutputStream(file)) {
      change.accept(wb);
      wb.write(out);
    }
    return RUNNER.check(fixture.build(), null).failures().stream()
        .map(RuleProblem::toString)
        .toList();
  }

  private static Cell cell(Workbook wb, String ref) {
    Sheet sheet = wb.getSheetAt(0);
    CellReference at = new CellReference(ref);
    var row = sheet.getRow(at.getRow());
    return row.getCell(at.getCol()) == null
        ? row.createCell(at.getCol())
        : row.getCell(at.getCol());
  }

  private static void shownAs(Workbook wb, String ref, double value, String format) {
    CellStyle style = wb.createCellStyle();
    style.setDataFormat(wb.createDataFormat().getFormat(format));
    cell(wb, ref).setCellStyle(style);
    cell(wb, ref).setCellValue(value);
  }

  @Test
  void anExpectationIsItsStoredNumberWhateverItsDisplay() throws IOException {
    // the first scenario (1M tokens a month at GPT-4o's 2.50 per 1M) costs 2.50 at the API
    assertThat(failures(wb -> shownAs(wb, "T2", 2.5, "0"))).isEmpty();
    assertThat(failures(wb -> shownAs(wb, "T2", 2.4, "0")))
        .containsExactly(
            "scenarios/Scenarios.xlsx!Scenarios!T2: scenario 'Regulated data stays in house:"
                + " self-host': expected cost.apiMonthlyUsd = 2.4, got 2.50");
  }

  @Test
  void aBooleanCellEqualsTrue() throws IOException {
    assertThat(failures(wb -> cell(wb, "Q2").setCellValue(true))).isEmpty();
  }

  @Test
  void aBooleanInputCellIsSentAsABoolean() throws IOException {
    assertThat(failures(wb -> cell(wb, "M2").setCellValue(true))).isEmpty();
  }

  @Test
  void aNumberWithADisplayFormatIsSentAsItsValue() throws IOException {
    assertThat(failures(wb -> shownAs(wb, "C2", 1_000_000, "#,##0"))).isEmpty();
  }

  @Test
  void anInputTheFieldCannotTakeIsRefusedAtItsCell() throws IOException {
    assertThat(failures(wb -> cell(wb, "C2").setCellValue("1M")))
        .containsExactly(
            "scenarios/Scenarios.xlsx!Scenarios!C2: scenario 'Regulated data stays in house:"
                + " self-host': monthlyTokens: \"1M\" is not a whole number: type 1000000");
  }

  @Test
  void anEnumInputWrittenAsWordsIsRefusedWithTheValueMeant() throws IOException {
    assertThat(failures(wb -> cell(wb, "D2").setCellValue("Months")))
        .containsExactly(
            "scenarios/Scenarios.xlsx!Scenarios!D2: scenario 'Regulated data stays in house:"
                + " self-host': timeToProduction: \"Months\" is not one of DAYS, WEEKS, MONTHS;"
                + " did you mean MONTHS?");
  }

  @Test
  void aRowWithValuesButNoNameIsRefused() throws IOException {
    assertThat(failures(wb -> cell(wb, "A2").setBlank()))
        .containsExactly(
            "scenarios/Scenarios.xlsx!Scenarios!A2: row 2 has values but no scenario name, so it"
                + " is not run: give it a name");
  }
}
