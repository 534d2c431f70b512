package org.llmstrategy.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.rules.table.WorkbookEdit.problems;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;

/**
 * Every cell is read against the type its column's label declares, from its raw value: each kind of
 * typing mistake is refused at its own cell, in words that say what to type.
 */
class TypedCellsTest {
  static final String CATALOG = "models/ModelCatalog.drl.xlsx";
  static final String MATRIX = "deployment/DeploymentMatrix.drl.xlsx";
  static final String KNOWLEDGE = "knowledge/KnowledgeStrategy.drl.xlsx";

  @TempDir Path tmp;

  private RuleFolderFixture shippedWith(String workbook, String ref, String typed)
      throws IOException {
    return RuleFolderFixture.copyOfShippedRules(tmp).setCell(workbook, ref, typed);
  }

  @Test
  void aPriceWithADollarSignIsRefusedAtItsCell() throws IOException {
    assertThat(problems(shippedWith(CATALOG, "H10", "$2.50")))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!H10: \"$2.50\" is not a price in US dollars:"
                + " type 2.50");
  }

  @Test
  void aPriceWithADecimalCommaIsRefusedAtItsCell() throws IOException {
    assertThat(problems(shippedWith(CATALOG, "H10", "2,50")))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!H10: \"2,50\" is not a price in US dollars:"
                + " type 2.50 (a point before the cents, not a comma)");
  }

  @Test
  void aPriceWithItsCurrencyWrittenAfterIsRefusedAtItsCell() throws IOException {
    assertThat(problems(shippedWith(CATALOG, "H12", "3.00 USD")))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!H12: \"3.00 USD\" is not a price in US dollars:"
                + " type 3.00");
  }

  @Test
  void aThousandSuffixInATokenCountIsRefusedAtItsCell() throws IOException {
    assertThat(problems(shippedWith(CATALOG, "E10", "128K")))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!E10: \"128K\" is not a whole number (0 or more):"
                + " type 128000");
  }

  @Test
  void aMillionSuffixInATokenCountIsRefusedAtItsCell() throws IOException {
    assertThat(problems(shippedWith(CATALOG, "E16", "1M")))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!E16: \"1M\" is not a whole number (0 or more):"
                + " type 1000000");
  }

  @Test
  void aWordInANumberColumnIsRefusedAtItsCell() throws IOException {
    assertThat(problems(shippedWith(MATRIX, "F12", "fast")))
        .containsExactly(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!F12: \"fast\" is not a whole number"
                + " (0 or more): type digits only, e.g. 100");
  }

  @Test
  void anEnumValueWrittenAsWordsIsRefusedWithTheValueMeant() throws IOException {
    assertThat(problems(shippedWith(CATALOG, "F10", "Very High")))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!F10: \"Very High\" is not one of MEDIUM,"
                + " MEDIUM_HIGH, HIGH, VERY_HIGH; did you mean VERY_HIGH?");
  }

  @Test
  void anUnknownEnumValueIsRefusedWithTheAllowedValues() throws IOException {
    assertThat(problems(shippedWith(MATRIX, "C10", "SECRET")))
        .containsExactly(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!C10: \"SECRET\" is not one of PUBLIC,"
                + " INTERNAL, CONFIDENTIAL, REGULATED");
  }

  @Test
  void aListSeparatedBySemicolonsIsRefusedWithTheListMeant() throws IOException {
    assertThat(problems(shippedWith(MATRIX, "D16", "DAYS; WEEKS")))
        .containsExactly(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!D16: \"DAYS; WEEKS\" is not a list of"
                + " DAYS, WEEKS, MONTHS separated by commas: did you mean DAYS, WEEKS?");
  }

  @Test
  void aListWithAnUnknownValueIsRefusedNamingIt() throws IOException {
    assertThat(problems(shippedWith(MATRIX, "D16", "DAYS, SOON")))
        .containsExactly(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!D16: \"DAYS, SOON\" holds \"SOON\","
                + " which is not one of DAYS, WEEKS, MONTHS");
  }

  @Test
  void aDateInAnotherNotationIsRefusedAtItsCell() throws IOException {
    assertThat(problems(shippedWith(CATALOG, "J10", "30/06/2026")))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!J10: \"30/06/2026\" is not a date: type it as"
                + " YYYY-MM-DD (e.g. 2026-06-30), or enter it as a date");
  }

  @Test
  void aDayThatDoesNotExistIsRefusedAtItsCell() throws IOException {
    assertThat(problems(shippedWith(CATALOG, "J10", "2026-02-30")))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!J10: \"2026-02-30\" is not a day of the"
                + " calendar: check the month and the day");
  }

  @Test
  void aWordInAYesNoColumnIsRefusedAtItsCell() throws IOException {
    assertThat(problems(shippedWith(KNOWLEDGE, "E12", "maybe")))
        .containsExactly(
            "knowledge/KnowledgeStrategy.drl.xlsx!RagVsFineTuning!E12: \"maybe\" is not yes or"
                + " no: type true or false");
  }

  @Test
  void aFractionInAScoreIsRefusedAtItsCell() throws IOException {
    assertThat(problems(shippedWith(MATRIX, "Q23", "1.5")))
        .containsExactly(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!Q23: \"1.5\" is not a whole number: it"
                + " has a fraction");
  }

  @Test
  void aNegativeCountIsRefusedAtItsCell() throws IOException {
    assertThat(problems(shippedWith(MATRIX, "J19", "-1")))
        .containsExactly(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!J19: \"-1\" is below 0: type a whole"
                + " number, 0 or more");
  }

  @Test
  void aColumnWhoseLabelDeclaresNoTypeIsRefusedAtItsLabel() throws IOException {
    assertThat(problems(shippedWith(CATALOG, "H9", "Input USD per 1M tokens")))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!H9: the column \"Input USD per 1M tokens\" does"
                + " not say what it holds: end its label with what it holds in square brackets:"
                + " [number], [whole number], [count], [money], [date], [yes/no], [one of],"
                + " [several of] or [text], e.g. \"Input USD per 1M tokens [text]\"");
  }

  @Test
  void aColumnDeclaringAnUnknownTypeIsRefusedAtItsLabel() throws IOException {
    assertThat(problems(shippedWith(CATALOG, "G9", "Relative speed [colour]")))
        .singleElement()
        .asString()
        .startsWith(
            "models/ModelCatalog.drl.xlsx!Models!G9: \"[colour]\" is not a column type that can"
                + " be read: end its label with");
  }

  @Test
  void aColumnOfDataDeclaredAsAnotherTypeThanItsKeyHoldsIsRefusedAtItsLabel() throws IOException {
    assertThat(problems(shippedWith(CATALOG, "G9", "Relative speed [one of]")))
        .containsExactly(
            "models/ModelCatalog.drl.xlsx!Models!G9: the column \"Relative speed\" holds text"
                + " values: end its label with [text]");
  }
}
