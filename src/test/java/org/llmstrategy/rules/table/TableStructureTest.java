package org.llmstrategy.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.rules.table.WorkbookEdit.cell;
import static org.llmstrategy.rules.table.WorkbookEdit.clearRow;
import static org.llmstrategy.rules.table.WorkbookEdit.copyRow;
import static org.llmstrategy.rules.table.WorkbookEdit.edit;
import static org.llmstrategy.rules.table.WorkbookEdit.number;
import static org.llmstrategy.rules.table.WorkbookEdit.problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.llmstrategy.rules.RuleFolderFixture;

/**
 * The shape of each table is checked, so nothing an analyst typed is dropped silently: gaps, names
 * and unique values used twice, bands that do not tile, tables Drools would not read.
 */
class TableStructureTest {
  static final String CATALOG = "models/ModelCatalog.drl.xlsx";
  static final String TIERS = "cost/UsageTiers.drl.xlsx";

  @TempDir Path tmp;

  private RuleFolderFixture shipped() throws IOException {
    return RuleFolderFixture.copyOfShippedRules(tmp);
  }

  @Test
  void aBlankRowInsideTheCatalogIsRefused() throws IOException {
    var fixture = shipped();
    edit(fixture.dir(), CATALOG, wb -> clearRow(wb, 13));
    assertThat(problems(fixture))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!A13: row 13 is empty inside the table: Drools"
                + " stops reading there and would ignore row 14 below it. Delete the empty row,"
                + " or move row 14 up");
  }

  @Test
  void aRowTypedBelowAGapIsRefused() throws IOException {
    var fixture = shipped();
    int[] last = new int[1]; // the catalog's last row (1-based), whatever its size
    edit(
        fixture.dir(),
        CATALOG,
        wb -> {
          last[0] = wb.getSheetAt(0).getLastRowNum() + 1;
          copyRow(wb, last[0], last[0] + 2);
          cell(wb, "A" + (last[0] + 2)).setCellValue("DeepSeekV4");
          cell(wb, "C" + (last[0] + 2)).setCellValue("DeepSeek-V4");
        });
    int gap = last[0] + 1;
    int below = last[0] + 2;
    assertThat(problems(fixture))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!A"
                + gap
                + ": row "
                + gap
                + " is empty inside the table: Drools stops reading there and would ignore row "
                + below
                + " below it. Delete the empty row, or move row "
                + below
                + " up");
  }

  @Test
  void aRowWithoutARuleNameIsRefused() throws IOException {
    var fixture = shipped();
    edit(
        fixture.dir(),
        CATALOG,
        wb -> {
          copyRow(wb, 17, 18);
          cell(wb, "A18").setBlank();
          cell(wb, "C18").setCellValue("DeepSeek-V4");
        });
    assertThat(problems(fixture))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!A18: row 18 has no rule name: name it by what it"
                + " decides (e.g. RegulatedDataCannotGoToAnApi), each row its own name");
  }

  @Test
  void aValueTypedBesideTheTableIsRefused() throws IOException {
    var fixture = shipped().setCell(CATALOG, "W12", "check this price");
    assertThat(problems(fixture))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!W12: \"check this price\" is outside the"
                + " table's columns, so it is never read: delete it, or give the column its header"
                + " rows");
  }

  @Test
  void theSameRuleNameTwiceIsRefusedNamingBothPlaces() throws IOException {
    var fixture = shipped().setCell(CATALOG, "A11", "Gpt4o");
    assertThat(problems(fixture))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!A11: the rule name \"Gpt4o\" is already used at"
                + " models/ModelCatalog.drl.xlsx!Models!A10: give each row its own name");
  }

  @Test
  void theSameRuleNameInTwoWorkbooksIsRefusedNamingBothPlaces() throws IOException {
    var fixture = shipped().setCell("advice/StrategicAdvice.drl.xlsx", "A12", "Gpt4o");
    assertThat(problems(fixture))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!A10: the rule name \"Gpt4o\" is already used at"
                + " advice/StrategicAdvice.drl.xlsx!Advice!A12: give each row its own name");
  }

  @Test
  void aCopyOfAWorkbookBesideItIsRefusedByItsRuleNames() throws IOException {
    var fixture = shipped();
    Files.copy(
        fixture.dir().resolve(CATALOG),
        fixture.dir().resolve("models/ModelCatalog (copy).drl.xlsx"));
    assertThat(problems(fixture))
        .hasSize(20) // one per catalog model
        .allMatch(p -> p.startsWith("models/ModelCatalog.drl.xlsx!Models!A"))
        .allMatch(
            p -> p.contains("is already used at models/ModelCatalog (copy).drl.xlsx!Models!A"));
  }

  @Test
  void theSameModelTwiceIsRefusedWhateverItsCapitals() throws IOException {
    var fixture = shipped().setCell(CATALOG, "C11", "gpt-4o");
    assertThat(problems(fixture))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!C11: \"gpt-4o\" is already in C10: each row needs"
                + " its own Model (capitals do not count as a difference)");
  }

  @Test
  void aGapBetweenUsageTiersIsRefusedNamingBothRowsAndTheVolumes() throws IOException {
    var fixture = shipped();
    edit(fixture.dir(), TIERS, wb -> cell(wb, "C12").setCellValue(200_000_000));
    assertThat(problems(fixture))
        .containsExactly(
            "cost/UsageTiers.drl.xlsx!Tiers!C12: rows 11 and 12 leave a gap: no row covers the"
                + " values above 100,000,000 up to 200,000,000 (row 11 ends at 100,000,000 in D11,"
                + " row 12 starts above 200,000,000); make C12 the same as D11");
  }

  @Test
  void anOverlapOfUsageTiersIsRefusedNamingBothRowsAndTheVolumes() throws IOException {
    var fixture = shipped();
    edit(fixture.dir(), TIERS, wb -> cell(wb, "C12").setCellValue(50_000_000));
    assertThat(problems(fixture))
        .containsExactly(
            "cost/UsageTiers.drl.xlsx!Tiers!C12: rows 11 and 12 overlap: both cover the values"
                + " above 50,000,000 up to 100,000,000 (row 11 ends at 100,000,000, row 12 starts"
                + " above 50,000,000); each value must fall in one band only");
  }

  @Test
  void aTopTierWithAnUpperBoundIsRefused() throws IOException {
    var fixture = shipped();
    edit(fixture.dir(), TIERS, wb -> number(wb, "D14", 100_000_000_000d, "#,##0"));
    assertThat(problems(fixture))
        .containsExactly(
            "cost/UsageTiers.drl.xlsx!Tiers!D14: no row covers the values above 100,000,000,000:"
                + " the highest band (row 14) ends there; leave D14 empty so the highest band is"
                + " open above");
  }

  @Test
  void aTableOnASecondSheetIsRefused() throws IOException {
    var fixture = shipped();
    edit(
        fixture.dir(),
        TIERS,
        wb -> cell(wb.createSheet("More tiers"), "A5").setCellValue("RuleTable MoreTiers"));
    assertThat(problems(fixture))
        .containsExactly(
            "cost/UsageTiers.drl.xlsx!More tiers!A5: this table is on sheet 2, but only the first"
                + " sheet (\"Tiers\") is read: move the table to the first sheet, or into a"
                + " workbook of its own");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cost/UsageTiers.ods|is a LibreOffice (OpenDocument) spreadsheet, which the rules never"
            + " read: save it as an Excel workbook (.xlsx) named UsageTiers.drl.xlsx to make it a"
            + " decision table, or remove it",
        "models/ModelCatalog.drl.numbers|is an Apple Numbers spreadsheet, which the rules never"
            + " read: save it as an Excel workbook (.xlsx) named ModelCatalog.drl.xlsx to make it"
            + " a decision table, or remove it",
        "cost/UsageTiers.drl.xlsm|is a macro-enabled Excel workbook, which the rules never read:"
            + " save it as an Excel workbook (.xlsx) named UsageTiers.drl.xlsx to make it a"
            + " decision table, or remove it",
        "cost/Book (copy).xlsx|is a spreadsheet Drools would silently ignore: name it Book"
            + " (copy).drl.xlsx to make it a decision table, or move it to scenarios/ if it holds"
            + " expected outcomes"
      })
  void aWorkbookInAnotherFormatIsRefusedByName(String file, String message) throws IOException {
    var fixture = shipped();
    Files.copy(fixture.dir().resolve(TIERS), fixture.dir().resolve(file));
    assertThat(problems(fixture)).containsExactly(file + ": " + message);
  }
}
