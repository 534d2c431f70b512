package org.llmstrategy.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.rules.run.RuleThresholds;

/**
 * Flips' thresholds are the numbers the analyst typed in the tables' condition columns on the
 * criteria; rule names and lines are Drools' DRL parser's.
 */
class ThresholdsAndRuleNamesTest {
  @TempDir Path tmp;

  @Test
  void aThresholdTheAnalystTypesIsOneFlipsProbe() throws Exception {
    var fixture = RuleFolderFixture.copyOfShippedRules(tmp);
    String cell =
        firstCellUnder(
            fixture.dir().resolve(RuleSetBuilderTest.MATRIX), "latencyBudgetMs < $param");
    assertThat(ShippedRules.get().thresholds().of("latencyBudgetMs"))
        .doesNotContain(new BigDecimal("123"));

    fixture.edit(RuleSetBuilderTest.MATRIX).set(cell, 123).save();
    RuleSet edited = fixture.build();

    assertThat(edited.thresholds().of("latencyBudgetMs")).contains(new BigDecimal("123"));
  }

  /**
   * A number compared on one side only ({@code latencyBudgetMs < $param}) answers as one of its
   * neighbours, so flips try the values one step either side of it and not the number itself; the
   * same number compared the other way in another table, or with {@code ==}, is tried on its own.
   */
  @Test
  void eachThresholdKnowsTheSideItsComparisonsChangeOn() {
    RuleThresholds shipped = ShippedRules.get().thresholds();
    assertThat(shipped.of("latencyBudgetMs")).isNotEmpty();
    assertThat(shipped.sides().get("latencyBudgetMs").values())
        .as("the tables compare latencyBudgetMs with < or > $param: each number on one side")
        .containsOnly(RuleThresholds.BELOW, RuleThresholds.ABOVE);
    assertThat(shipped.onTheirOwn("latencyBudgetMs")).isEmpty();

    BigDecimal hundred = new BigDecimal("100");
    BigDecimal fiveHundred = new BigDecimal("500");
    var below =
        WorkbookTranslation.of(
            "a.drl.xlsx",
            null,
            "package a;",
            Map.of(
                "latencyBudgetMs",
                Map.of(hundred, RuleThresholds.BELOW, fiveHundred, RuleThresholds.BELOW)));
    var above =
        WorkbookTranslation.of(
            "b.drl.xlsx",
            null,
            "package b;",
            Map.of("latencyBudgetMs", Map.of(hundred, RuleThresholds.ABOVE)));
    RuleThresholds both = RuleSetBuilder.thresholds(List.of(below, above));
    assertThat(both.of("latencyBudgetMs")).containsExactly(hundred, fiveHundred);
    assertThat(both.onTheirOwn("latencyBudgetMs")).containsExactly(hundred);
    // read back from the precompiled form with their sides
    assertThat(
            PrecompiledRules.readSources(PrecompiledRules.writeSources(Map.of(), both))
                .thresholds())
        .isEqualTo(both);
  }

  @Test
  void onlyComparisonsOfRequestPropertiesCount() {
    var thresholds = ShippedRules.get().thresholds().all();
    assertThat(thresholds).isNotEmpty();
    // a column on another pattern (an option's cheaperOption, a model's license) is no threshold
    assertThat(thresholds.keySet()).allMatch(ThresholdsAndRuleNamesTest::isCriteriaProperty);
  }

  @Test
  void theDrlParserNamesEachRuleWithItsLines() {
    DrlRules parsed =
        DrlRules.of(
            """
            package a.b;

            rule "Quoted name"
            when
              Criteria(monthlyTokens > 5)
            then
            end

            query "not a rule" end

            rule Plain when then end
            """);
    assertThat(parsed.packageName()).isEqualTo("a.b");
    assertThat(parsed.rules())
        .containsExactly(
            new DrlRules.Rule("Quoted name", 3, 7), new DrlRules.Rule("Plain", 11, 11));
    assertThat(DrlRules.of("rule X when then end").packageName())
        .isEqualTo(DrlRules.DEFAULT_PACKAGE);
  }

  @Test
  void everyShippedDrlRuleIsNamedInTheFileItIsWrittenIn() throws Exception {
    int drlRules = 0;
    for (var e : ShippedRules.get().sources().entrySet()) {
      if (e.getValue().file().endsWith(".drl")) {
        String name = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
        String text = Files.readString(ShippedRules.DIR.resolve(e.getValue().file()));
        assertThat(text)
            .containsAnyOf("rule \"" + name + "\"", "rule " + name + " ", "rule " + name + "\n");
        drlRules++;
      }
    }
    assertThat(drlRules).isPositive();
  }

  private static boolean isCriteriaProperty(String name) {
    String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return Arrays.stream(Criteria.class.getMethods())
        .anyMatch(
            m ->
                m.getParameterCount() == 0
                    && (m.getName().equals(name) || m.getName().equals(getter)));
  }

  /** The first value cell of the column whose template is {@code template}. */
  private static String firstCellUnder(Path workbook, String template) throws Exception {
    try (InputStream in = Files.newInputStream(workbook);
        Workbook wb = WorkbookFactory.create(in)) {
      Sheet sheet = wb.getSheetAt(0);
      for (Row row : sheet) {
        for (Cell c : row) {
          if (c.toString().strip().equals(template)) {
            // templates, then labels, then the rows: the first row with a value in this column
            for (int r = row.getRowNum() + 2; r <= sheet.getLastRowNum(); r++) {
              Row below = sheet.getRow(r);
              Cell v = below == null ? null : below.getCell(c.getColumnIndex());
              if (v != null && !v.toString().isBlank()) {
                return new CellReference(r, c.getColumnIndex()).formatAsString();
              }
            }
          }
        }
      }
    }
    throw new AssertionError("no column " + template);
  }
}
