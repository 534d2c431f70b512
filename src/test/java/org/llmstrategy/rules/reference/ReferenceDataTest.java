package org.llmstrategy.rules.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.Situations;
import org.llmstrategy.facts.ReferenceData;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.rules.table.ReferenceTable;

/**
 * The tables that only describe things are read as data: typed, ranged, by column key, into the
 * rule set's {@link ReferenceData}; a mistake in one is refused at its cell in plain words.
 */
public class ReferenceDataTest {
  static final String CATALOG = "models/ModelCatalog.drl.xlsx";
  static final String SETUPS = "cost/SelfHostSetups.drl.xlsx";
  static final String CONSTANTS = "settings/Constants.drl.xlsx";

  /** The shipped workbooks that are data, not rules. */
  public static final List<String> DATA =
      List.of(
          CATALOG,
          SETUPS,
          "cost/OptionCosts.drl.xlsx",
          CONSTANTS,
          "cost/Gpus.drl.xlsx",
          "cost/Serving.drl.xlsx",
          "settings/Levers.drl.xlsx");

  @TempDir Path temp;

  static List<String> problems(RuleFolderFixture fixture) {
    try {
      fixture.build();
    } catch (RuleSetRejectedException e) {
      return e.problems().stream().map(RuleProblem::toString).toList();
    }
    throw new AssertionError("the rule set was accepted");
  }

  @Test
  void theShippedTablesAreTheRuleSetsReferenceData() {
    ReferenceData data = ShippedRules.get().referenceData();
    assertThat(data.catalog().models()).hasSize(20); // the article's 8, GPT-5, 11 open models
    assertThat(data.selfHostSetups()).extracting(s -> s.name()).contains("1 GPU");
    assertThat(data.optionTerms()).hasSize(3);
    assertThat(data.candidateListing().size()).isEqualTo(10);
    assertThat(data.deprecationHorizon().months()).isEqualTo(6);
    // data, not rules: none of these workbooks contributes a rule
    assertThat(ShippedRules.get().sources().values()).noneMatch(s -> DATA.contains(s.file()));
  }

  @Test
  void aBatchDiscountOutsideZeroToOneIsRefusedAtItsCell() throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(temp);
    fixture.edit(CATALOG).set("M10", 50).save();
    assertThat(problems(fixture))
        .containsExactly(CATALOG + "!Models!M10: \"50\" is above 1: type a value from 0 to 1");
  }

  @Test
  void aSetupOfNoCapacityIsRefusedAtItsCell() throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(temp);
    fixture.edit(SETUPS).set("D10", 0).save();
    assertThat(problems(fixture))
        .containsExactly(SETUPS + "!Setups!D10: \"0\" is below 1: type 1 or more");
  }

  @Test
  void anUnknownColumnKeyIsRefusedByName() throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(temp).setCell(SETUPS, "H8", "sourse");
    assertThat(problems(fixture))
        .containsExactly(
            SETUPS
                + "!Setups!H8: \"sourse\" is not a column of the self-host setups: check its"
                + " spelling; the columns are setup, capacityTokens, monthlyUsd, repeatable,"
                + " maxParametersBillions, source, checkedOn, gpus");
  }

  @Test
  void aLabelMustDeclareTheTypeItsKeyHolds() throws IOException {
    var fixture =
        RuleFolderFixture.copyOfShippedRules(temp)
            .setCell(CATALOG, "M9", "Batch discount (fraction of the price, 0-1) [money]");
    assertThat(problems(fixture))
        .containsExactly(
            CATALOG
                + "!Models!M9: the column \"Batch discount (fraction of the price, 0-1)\" holds"
                + " number values: end its label with [number]");
  }

  @Test
  void theListingSizeIsAConstantOfItsWorkbook() throws IOException {
    int shipped = listed(ShippedRules.get());
    assertThat(shipped).isGreaterThan(2);
    var fixture = RuleFolderFixture.copyOfShippedRules(temp);
    fixture.edit(CONSTANTS).set("D10", 2).save();
    RuleSet two = fixture.build();
    assertThat(two.compiledVersion()).isEqualTo(ShippedRules.get().compiledVersion());
    assertThat(listed(two)).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "2.5"})
  void aConstantOutsideItsRangeIsRefusedAtItsCell(String value) throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(temp);
    fixture.edit(CONSTANTS).set("D11", Double.valueOf(value)).save();
    assertThat(problems(fixture))
        .singleElement()
        .asString()
        .startsWith(CONSTANTS + "!Constants!D11: \"" + value + "\" is ");
  }

  @Test
  void aConstantLeftOutIsRefused() throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(temp);
    fixture
        .edit(CONSTANTS)
        .set("A17", "")
        .set("B17", "")
        .set("C17", "")
        .set("D17", "")
        .set("E17", "")
        .save();
    assertThat(problems(fixture))
        .containsExactly(
            CONSTANTS
                + ": has no row for DEFAULT_HORIZON_MONTHS: add one with its value and source");
  }

  /** Numbers and dates are stored as numbers and dates, not as text that looks like them. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        CATALOG,
        SETUPS,
        "cost/OptionCosts.drl.xlsx",
        CONSTANTS,
        "cost/Gpus.drl.xlsx",
        "cost/Serving.drl.xlsx"
      })
  void theShippedReferenceWorkbooksStoreNumbersAsNumbers(String file) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("rules").resolve(file));
        Workbook wb = WorkbookFactory.create(in)) {
      Sheet sheet = wb.getSheetAt(0);
      String first = sheet.getRow(7).getCell(2).getStringCellValue();
      ReferenceTable<?> table = ReferenceTables.BY_FIRST_KEY.get(first);
      int checked = 0;
      for (Cell key : sheet.getRow(7)) {
        ReferenceTable.Field field = table.field(key.getStringCellValue());
        if (field == null || field.type().kind().word().matches("text|one of|yes/no")) {
          continue;
        }
        for (int r = 9; r <= sheet.getLastRowNum(); r++) {
          Row row = sheet.getRow(r);
          Cell cell = row == null ? null : row.getCell(key.getColumnIndex());
          if (cell != null && cell.getCellType() != CellType.BLANK) {
            assertThat(cell.getCellType())
                .as(cell.getAddress().toString())
                .isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(cell))
                .as(cell.getAddress().toString())
                .isEqualTo(field.type().kind().word().equals("date"));
            checked++;
          }
        }
      }
      assertThat(checked).isPositive();
    }
  }

  private static int listed(RuleSet rules) {
    return Recommender.recommend(
            rules, Situations.everythingOpen(), false, java.time.LocalDate.now())
        .models()
        .size();
  }

  /**
   * Text is stored as Excel and LibreOffice store it (shared strings), never as inline strings: a
   * workbook written by some tools (openpyxl) holds inline strings, and POI, which the price import
   * and the tests edit with, then writes a new value beside the old text that readers keep showing.
   */
  @Test
  void theShippedWorkbooksStoreTextAsEditorsDo() throws IOException {
    List<Path> workbooks;
    try (var files = Files.walk(Path.of("rules"))) {
      workbooks = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
    }
    assertThat(workbooks).isNotEmpty();
    for (Path workbook : workbooks) {
      try (var zip = new java.util.zip.ZipFile(workbook.toFile())) {
        var sheets = zip.stream().filter(e -> e.getName().startsWith("xl/worksheets/")).toList();
        for (var sheet : sheets) {
          String xml =
              new String(
                  zip.getInputStream(sheet).readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8);
          assertThat(xml).as("%s %s", workbook, sheet.getName()).doesNotContain("t=\"inlineStr\"");
        }
      }
    }
  }
}
