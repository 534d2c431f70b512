package org.llmstrategy.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.PlainWords;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;

/**
 * Mistakes in a table's machinery (keyword and template rows) and in DRL files, which only the rule
 * compiler sees: each is refused at its cell in plain words, never in the compiler's own text.
 */
class MachineryMistakesTest {
  private static final String MATRIX = "deployment/DeploymentMatrix.drl.xlsx";
  private static final String CATALOG = "models/ModelCatalog.drl.xlsx";

  @TempDir Path temp;

  @Test
  void aMisspeltColumnKeyword() throws IOException {
    assertThat(problems(shipped().setCell(MATRIX, "C6", "KONDITION")))
        .containsExactly(
            MATRIX
                + "!Matrix!C6: \"KONDITION\" is not a column keyword: type CONDITION (a column that"
                + " tests) or ACTION (a column that does), or NAME / DESCRIPTION");
  }

  @Test
  void aMisspeltFieldInAConditionTemplateSuggestsTheField() throws IOException {
    assertThat(problems(shipped().setCell(MATRIX, "F8", "latencyBudget < $param")))
        .containsExactly(
            MATRIX
                + "!Matrix!F8: the condition \"latencyBudget < 100\" cannot be read: did you mean"
                + " latencyBudgetMs?");
  }

  @Test
  void aMisspeltColumnKeyOfATableOfDataIsNamedOnceAtItsKeyCell() throws IOException {
    assertThat(problems(shipped().setCell(CATALOG, "D8", "providr")))
        .containsExactly(
            CATALOG
                + "!Models!D8: \"providr\" is not a column of the model catalog: check its"
                + " spelling; the columns are model, provider, contextWindowTokens, quality,"
                + " speed, inputUsdPerMillionTokens, license, retirementDate,"
                + " outputUsdPerMillionTokens, cachedInputUsdPerMillionTokens, batchDiscount,"
                + " parametersBillions, priceSource, pricesCheckedOn, aliases, fineTunable,"
                + " fineTuningSource");
  }

  @Test
  void aDrlFileThatCannotBeParsedNamesTheLineColumnAndToken() throws IOException {
    RuleFolderFixture rules = shipped();
    Files.writeString(
        rules.dir().resolve("decision/Broken.drl"),
        "package decision\nrule x when\n  Criteria( monthlyTokens > )\nthen\nend\n");
    assertThat(problems(rules))
        .containsExactly(
            "decision/Broken.drl: the rule \"x\" cannot be read at line 3, column 28, near \")\":"
                + " check the brackets, commas, quotes and keywords (when, then, end) there");
  }

  @Test
  void aFileThatIsNotAWorkbookSaysHowToMakeItOne() throws IOException {
    RuleFolderFixture rules = shipped();
    Files.writeString(rules.dir().resolve("cost/UsageTiers.drl.xlsx"), "not a workbook");
    assertThat(problems(rules))
        .containsExactly(
            "cost/UsageTiers.drl.xlsx: is not a workbook that Excel or LibreOffice saved: open it"
                + " there and save it again as an Excel workbook (.xlsx), or remove it");
  }

  @Test
  void aCompilerMessageWithNoKnownWordingStillReadsAsASentence() {
    assertThat(CompilerWords.plain("x", "java.lang.IllegalStateException: boom at line 3"))
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .startsWith("the rules cannot be compiled here")
                    .doesNotContain("Exception"));
    assertThat(CompilerWords.plain("x", "org.llmstrategy.facts.Criteria has no such thing"))
        .hasValue("Criteria has no such thing");
    assertThat(CompilerWords.plain("x", "Parser returned a null Package")).isEmpty();
  }

  private RuleFolderFixture shipped() throws IOException {
    return RuleFolderFixture.copyOfShippedRules(temp);
  }

  private static List<String> problems(RuleFolderFixture rules) {
    RuleSetRejectedException refused =
        catchThrowableOfType(
            RuleSetRejectedException.class,
            () -> new RuleSetBuilder().build(rules.dir().toString(), RuleFolder.read(rules.dir())));
    assertThat(refused).as("refused").isNotNull();
    List<String> texts = refused.problems().stream().map(RuleProblem::toString).toList();
    PlainWords.assertPlain(texts, rules.dir());
    return texts;
  }
}
