package org.llmstrategy.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.run.RuleSet;

/** Loading the rules folder: what compiles, and how every kind of mistake is located. */
class RuleSetBuilderTest {
  static final String MATRIX = "deployment/DeploymentMatrix.drl.xlsx";

  @TempDir Path tmp;

  static List<String> problems(RuleFolderFixture fixture) {
    try {
      fixture.build();
    } catch (RuleSetRejectedException e) {
      e.problems().forEach(p -> System.out.println("problem: " + p));
      return e.problems().stream().map(RuleProblem::toString).toList();
    }
    throw new AssertionError("the rule set was accepted");
  }

  @Test
  void everyShippedRuleFileCompilesAndContributesRulesOrTheCatalog() {
    RuleSet rules = ShippedRules.get();
    assertThat(rules.version()).matches("[0-9a-f]{12}");
    List<String> ruleFiles =
        rules.files().stream()
            .filter(f -> f.endsWith(".drl") || f.endsWith(".drl.xlsx"))
            .filter(f -> !f.startsWith("models/"))
            .filter(f -> !org.llmstrategy.rules.reference.ReferenceDataTest.DATA.contains(f))
            .toList();
    assertThat(ruleFiles).hasSizeGreaterThanOrEqualTo(10);
    for (String file : ruleFiles) {
      assertThat(rules.sources().values()).as(file).anyMatch(s -> s.file().equals(file));
    }
    // the catalog is read as data: its twenty models, and no rule of its own
    assertThat(rules.catalog().models())
        .extracting(org.llmstrategy.facts.CatalogModel::name)
        .hasSize(20)
        .contains("GPT-4o", "DeepSeek-V3");
    assertThat(rules.sources().values()).noneMatch(s -> s.file().startsWith("models/"));
  }

  @Test
  void theVersionIsAContentHash() throws IOException {
    String shipped = RuleFolderFixture.copyOfShippedRules(tmp.resolve("a")).build().version();
    assertThat(shipped).isEqualTo(ShippedRules.get().version());
    String edited =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("b"))
            .setCell(MATRIX, "R23", "A reworded reason")
            .build()
            .version();
    assertThat(edited).isNotEqualTo(shipped);
  }

  @Test
  void aCatalogEditChangesTheVersionButNotWhatIsCompiled() throws IOException {
    RuleSet shipped = ShippedRules.get();
    RuleSet repriced =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("c"))
            .setCell("models/ModelCatalog.drl.xlsx", "H12", "3.50")
            .build();
    assertThat(repriced.version()).isNotEqualTo(shipped.version());
    // only data changed: the compiled rules are reused, not compiled again
    assertThat(repriced.compiledVersion()).isEqualTo(shipped.compiledVersion());
    assertThat(repriced.catalog().byName().get("Claude Sonnet 4").inputUsdPerMillionTokens())
        .isEqualByComparingTo("3.50");
    RuleSet reworded =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("d"))
            .setCell(MATRIX, "R23", "A reworded reason")
            .build();
    assertThat(reworded.compiledVersion()).isNotEqualTo(shipped.compiledVersion());
  }

  @Test
  void aSpreadsheetDroolsWouldIgnoreIsRefusedByName() throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(tmp).write("cost/Tiers.xlsx", "anything");
    assertThat(problems(fixture))
        .singleElement()
        .asString()
        .startsWith("cost/Tiers.xlsx: ")
        .contains("Tiers.drl.xlsx");
  }

  @Test
  void scenarioWorkbooksMayHaveAnyName() throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(tmp).write("scenarios/Mine.xlsx", "x");
    assertThat(fixture.build().version()).isNotBlank();
  }

  @Test
  void aBadNumberInAConditionCellIsLocatedToTheCell() throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(tmp).setCell(MATRIX, "F12", "fast");
    assertThat(problems(fixture))
        .singleElement()
        .asString()
        .startsWith("deployment/DeploymentMatrix.drl.xlsx!Matrix!F12: ");
  }

  @Test
  void anUnknownEnumValueIsLocatedToTheCell() throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(tmp).setCell(MATRIX, "C10", "SECRET");
    assertThat(problems(fixture))
        .singleElement()
        .asString()
        .startsWith("deployment/DeploymentMatrix.drl.xlsx!Matrix!C10: ");
  }

  @Test
  void aWordInANumericActionCellIsLocatedToTheCell() throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(tmp).setCell(MATRIX, "Q23", "one");
    assertThat(problems(fixture))
        .singleElement()
        .asString()
        .startsWith("deployment/DeploymentMatrix.drl.xlsx!Matrix!Q23: ");
  }

  @Test
  void quotesInsideATextCellAreKeptAsText() throws IOException {
    RuleSet rules =
        RuleFolderFixture.copyOfShippedRules(tmp)
            .setCell(MATRIX, "R23", "Say \"API first\" always")
            .build();
    var criteria = org.llmstrategy.Situations.everythingOpen();
    var answer =
        org.llmstrategy.recommend.Recommender.recommend(
            rules, criteria, false, java.time.LocalDate.now());
    assertThat(answer.deployment().options().get(0).reasons())
        .contains("(+1) Say \"API first\" always");
  }

  @Test
  void anUnknownFieldInAConditionHeaderIsReported() throws IOException {
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp).setCell(MATRIX, "F8", "latencyBudget < $param");
    assertThat(problems(fixture))
        .isNotEmpty()
        .allMatch(p -> p.startsWith("deployment/DeploymentMatrix.drl.xlsx!Matrix!"))
        .anyMatch(p -> p.startsWith("deployment/DeploymentMatrix.drl.xlsx!Matrix!F8: "));
  }

  @Test
  void aFileThatIsNotASpreadsheetIsRefusedByName() throws IOException {
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp).write("cost/Broken.drl.xlsx", "not a workbook");
    assertThat(problems(fixture))
        .singleElement()
        .asString()
        .startsWith("cost/Broken.drl.xlsx: is not a workbook that Excel or LibreOffice saved");
  }

  @Test
  void aHeaderMistakeIsLocatedToItsCell() throws IOException {
    var fixture = RuleFolderFixture.copyOfShippedRules(tmp).setCell(MATRIX, "C6", "KONDITION");
    assertThat(problems(fixture))
        .singleElement()
        .asString()
        .startsWith("deployment/DeploymentMatrix.drl.xlsx!Matrix!C6: ");
  }

  @Test
  void aBrokenDrlIsReportedWithItsFileAndLine() throws IOException {
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp)
            .write(
                "decision/Broken.drl",
                "package decision;\nrule \"Broken\"\nwhen\n  Nonsense(\nthen\nend\n");
    assertThat(problems(fixture)).isNotEmpty().allMatch(p -> p.startsWith("decision/Broken.drl: "));
  }
}
