package org.llmstrategy.rules.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleEngine;

/**
 * A rule file that disappears from the folder is said by name, with the rules it held, in the
 * reload's impact and in GET /rules' last attempt, whether the candidate goes live or is refused.
 */
class RemovedRuleFilesTest {
  @TempDir Path tmp;

  RuleFolderFixture rules;
  RulesReloader reloader;

  void watch() throws Exception {
    rules = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    reloader =
        new RulesReloader(
            new RuleEngine(ShippedRules.get()),
            new RuleSetBuilder(),
            CandidateCheck.NONE,
            rules.dir(),
            new SimpleMeterRegistry(),
            Clock.systemUTC());
  }

  @Test
  void aDeletedWorkbookAndADeletedDrlAreNamedWithTheirRules() throws Exception {
    watch();
    Files.delete(rules.dir().resolve("cost/UsageTiers.drl.xlsx"));
    Files.delete(rules.dir().resolve("decision/WinnerExplained.drl"));

    RulesStatus.Attempt attempt = reloader.reload();

    assertThat(attempt.outcome()).isEqualTo(RulesStatus.Outcome.ACTIVATED);
    assertThat(attempt.impact())
        .containsExactly(
            "cost/UsageTiers.drl.xlsx removed: its 5 rules no longer apply (EnterpriseUsage,"
                + " HeavyUsage, LightUsage, MediumUsage, VeryHeavyUsage)",
            "decision/WinnerExplained.drl removed: its 5 rules no longer apply"
                + " (CostlierWinnerIsWithinWhatItsReasonsAreWorth,"
                + " OptionBeyondWhatItsReasonsAreWorthLosesOnCost,"
                + " WinnerByEliminationSaysTheOthersAreBlocked,"
                + " WinnerOnATieSaysWhyTheTieWentItsWay, WinnerWithoutAReasonHasTheHighestScore)");
    assertThat(reloader.status().lastAttempt().impact()).isEqualTo(attempt.impact());
    assertThat(reloader.status().active().files())
        .extracting(RulesStatus.FileRules::file)
        .doesNotContain("cost/UsageTiers.drl.xlsx", "decision/WinnerExplained.drl");

    // once gone, it is not said again
    rules.setCell("deployment/DeploymentMatrix.drl.xlsx", "B12", "Latency: network");
    assertThat(reloader.reload().impact()).isEmpty();
  }

  @Test
  void aRenamedWorkbookSaysWhereItsRulesAreReadFromNow() throws Exception {
    watch();
    Files.move(
        rules.dir().resolve("cost/UsageTiers.drl.xlsx"),
        rules.dir().resolve("cost/VolumeTiers.drl.xlsx"));

    RulesStatus.Attempt attempt = reloader.reload();

    assertThat(attempt.outcome()).isEqualTo(RulesStatus.Outcome.ACTIVATED);
    assertThat(attempt.impact())
        .containsExactly(
            "cost/UsageTiers.drl.xlsx removed: its 5 rules are now read from"
                + " cost/VolumeTiers.drl.xlsx");
  }

  @Test
  void aRefusedAttemptStillSaysWhichFileWentMissing() throws Exception {
    watch();
    Files.delete(rules.dir().resolve("scenarios/Scenarios.xlsx"));
    Files.delete(rules.dir().resolve("cost/UsageTiers.drl.xlsx"));
    rules.setCell("deployment/DeploymentMatrix.drl.xlsx", "F12", "fast");

    RulesStatus.Attempt attempt = reloader.reload();

    assertThat(attempt.outcome()).isEqualTo(RulesStatus.Outcome.REFUSED);
    assertThat(attempt.problems()).extracting(RulesStatus.Problem::cell).containsExactly("F12");
    assertThat(attempt.impact())
        .containsExactly(
            "cost/UsageTiers.drl.xlsx removed: its 5 rules no longer apply (EnterpriseUsage,"
                + " HeavyUsage, LightUsage, MediumUsage, VeryHeavyUsage)",
            "scenarios/Scenarios.xlsx removed: its scenarios are no longer checked");
  }
}
