package org.llmstrategy.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.rules.table.WorkbookEdit.cell;
import static org.llmstrategy.rules.table.WorkbookEdit.edit;
import static org.llmstrategy.rules.table.WorkbookEdit.number;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.scenarios.Scenario;
import org.llmstrategy.scenarios.ScenarioRunner;

/**
 * What an analyst meant is read, not how the cell is displayed: a number stored as a number with a
 * currency or thousands-separator format, a real date cell and a boolean cell build and give
 * exactly the answers of the same values typed plainly.
 */
class AcceptedFormsTest {
  static final ScenarioRunner RUNNER = ScenarioRunner.standalone();

  @TempDir Path tmp;

  private List<String> answers(String name, String workbook, Consumer<Workbook> change)
      throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(tmp.resolve(name));
    edit(fixture.dir(), workbook, change);
    RuleSet rules = fixture.build();
    List<RuleProblem> problems = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    for (Scenario s : ScenarioRunner.scenarios(rules, problems)) {
      answers.add(s.name() + " " + RUNNER.run(rules, s).answer());
    }
    assertThat(problems).isEmpty();
    assertThat(RUNNER.check(rules, null).failures()).isEmpty();
    return answers;
  }

  @Test
  void aCurrencyFormattedPriceReadsAsItsNumber() throws IOException {
    var plain = answers("plain", "models/ModelCatalog.drl.xlsx", wb -> {});
    var currency =
        answers(
            "currency",
            "models/ModelCatalog.drl.xlsx",
            wb -> {
              number(wb, "H10", 2.5, "\"$\"#,##0.00");
              number(wb, "H11", 15, "[$$-409]#,##0.00");
            });
    assertThat(currency).isEqualTo(plain).anyMatch(a -> a.contains("2.50"));
  }

  @Test
  void aThousandsSeparatedTierBoundReadsAsItsNumber() throws IOException {
    var plain = answers("plain", "cost/UsageTiers.drl.xlsx", wb -> {});
    var separated =
        answers(
            "separated",
            "cost/UsageTiers.drl.xlsx",
            wb -> {
              number(wb, "D11", 100_000_000, "#,##0");
              number(wb, "C12", 100_000_000, "#,##0");
              number(wb, "D13", 10_000_000_000d, "#,##0.00");
            });
    assertThat(separated).isEqualTo(plain);
  }

  @Test
  void aRealDateCellReadsAsTheDate() throws IOException {
    var typed =
        answers(
            "typed",
            "models/ModelCatalog.drl.xlsx",
            wb -> cell(wb, "J10").setCellValue("2036-06-30"));
    var date =
        answers(
            "date",
            "models/ModelCatalog.drl.xlsx",
            wb -> {
              CellStyle style = wb.createCellStyle();
              style.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
              cell(wb, "J10").setCellValue(LocalDate.of(2036, 6, 30));
              cell(wb, "J10").setCellStyle(style);
            });
    assertThat(date).isEqualTo(typed).anyMatch(a -> a.contains("2036-06-30"));
  }

  @Test
  void aBooleanSavedByLibreOfficeAsAFormulaWithANumberReadsAsTheBooleanAndKeepsTheVersion()
      throws IOException {
    // LibreOffice saves a typed TRUE / FALSE as <f>TRUE()</f><v>1</v> with the type "number"
    var plain = RuleFolderFixture.copyOfShippedRules(tmp.resolve("as-typed")).build();
    var fixture = RuleFolderFixture.copyOfShippedRules(tmp.resolve("libreoffice"));
    edit(
        fixture.dir(),
        "cost/SelfHostSetups.drl.xlsx",
        wb -> {
          for (String ref : List.of("F13", "F14", "F15", "F16")) {
            boolean value = cell(wb, ref).getBooleanCellValue();
            cell(wb, ref).setCellFormula(value ? "TRUE()" : "FALSE()");
            cell(wb, ref).setCellValue(value ? 1 : 0);
          }
        });
    RuleSet saved = fixture.build();
    assertThat(saved.version()).isEqualTo(plain.version());
    assertThat(RUNNER.check(saved, null).failures()).isEmpty();
  }

  @Test
  void aBooleanCellReadsAsTheBoolean() throws IOException {
    var plain = answers("plain", "knowledge/KnowledgeStrategy.drl.xlsx", wb -> {});
    var bool =
        answers(
            "bool",
            "knowledge/KnowledgeStrategy.drl.xlsx",
            wb -> {
              cell(wb, "E12").setCellValue(false);
              cell(wb, "E13").setCellValue(true);
            });
    assertThat(bool).isEqualTo(plain);
  }

  @Test
  void aPlainNumberTypedAsTextReadsAsTheNumber() throws IOException {
    var plain = answers("plain", "cost/SelfHostSetups.drl.xlsx", wb -> {});
    var text =
        answers(
            "text",
            "cost/SelfHostSetups.drl.xlsx",
            wb -> {
              cell(wb, "D10").setCellValue("1000000000");
              cell(wb, "E10").setCellValue("2000");
              cell(wb, "F12").setCellValue(true);
            });
    assertThat(text).isEqualTo(plain);
  }
}
