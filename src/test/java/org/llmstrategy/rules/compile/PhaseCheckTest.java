package org.llmstrategy.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;

/**
 * A rule that waits for a phase the engine does not run would never fire: it is refused where rules
 * are checked (start-up, reload and {@code validate} all build through {@link RuleSetBuilder}),
 * naming the file, the rule and the phases it may name.
 */
class PhaseCheckTest {
  static final String MATRIX = "deployment/DeploymentMatrix.drl.xlsx";
  private static final String PHASES =
      "the phases are \"cost and knowledge\", \"scoring\", \"explanation\", \"candidates\" and"
          + " \"deprecation\"";

  @TempDir Path tmp;

  @Test
  void aDrlRuleWaitingForAPhaseThatDoesNotExistIsRefusedWithFileRuleAndThePhases()
      throws IOException {
    RuleFolderFixture fixture = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    Path cost = fixture.dir().resolve("decision/Cost.drl");
    String drl = Files.readString(cost, StandardCharsets.UTF_8);
    int line = lineOf(drl, "rule \"EstimateCostAtTheSubmittedVolume\"");
    fixture.write(
        "decision/Cost.drl",
        // the rule's own phase: the first "agenda-group" after its name
        drl.substring(0, drl.indexOf("rule \"EstimateCostAtTheSubmittedVolume\""))
            + drl.substring(drl.indexOf("rule \"EstimateCostAtTheSubmittedVolume\""))
                .replaceFirst("agenda-group \"cost and knowledge\"", "agenda-group \"scorng\""));

    assertThat(RuleSetBuilderTest.problems(fixture))
        .singleElement()
        .asString()
        .startsWith(
            "decision/Cost.drl: line "
                + line
                + ": rule \"EstimateCostAtTheSubmittedVolume\" waits for the phase \"scorng\","
                + " which does not exist")
        .contains(PHASES);
  }

  @Test
  void aDrlRuleInAPhaseTheEngineRunsOrInNoneIsAccepted() throws IOException {
    RuleFolderFixture fixture =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .write(
                "decision/Extra.drl",
                """
                package decision;
                import org.llmstrategy.facts.*;
                rule "InAPhase" agenda-group "scoring"
                when Criteria() then
                end
                rule "InNone"
                when Criteria() then
                end
                """);
    assertThat(fixture.build().version()).isNotBlank();
  }

  @Test
  void aWorkbookAgendaGroupColumnNamingAnUnknownPhaseIsRefusedAtItsCell() throws IOException {
    RuleFolderFixture fixture =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .setCell(MATRIX, "W6", "AGENDA-GROUP")
            .setCell(MATRIX, "W9", "Waits for the phase [text]")
            .setCell(MATRIX, "W23", "scorng");

    assertThat(RuleSetBuilderTest.problems(fixture))
        .singleElement()
        .asString()
        .startsWith(
            MATRIX
                + "!Matrix!W23: rule \"ApiFirstByDefault\" waits for the phase \"scorng\", which"
                + " does not exist")
        .contains(PHASES);
  }

  private static int lineOf(String text, String what) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(what)) {
        return i + 1;
      }
    }
    throw new AssertionError(what + " not found");
  }
}
