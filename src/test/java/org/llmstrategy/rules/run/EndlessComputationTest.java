package org.llmstrategy.rules.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.live.CandidateCheck;
import org.llmstrategy.scenarios.ScenarioRunner;

/**
 * A rule whose consequence is one call that computes for hours: no loop in the rule for the sandbox
 * to refuse, no firing after it for the engine to halt between. Before, a candidate with it held
 * the reload (its scenario check) for good; now its first scenario is stopped at the offline
 * deadline, the rule is named, and the candidate is refused without running the rest.
 */
class EndlessComputationTest {
  @TempDir static Path tmp;

  static final String ENDLESS =
      """
      package decision;

      import org.llmstrategy.facts.*;

      rule "RaisesTenToTheHalfBillion"
          agenda-group "cost and knowledge"
      when
          Criteria()
      then
          java.math.BigInteger.TEN.pow(500000000).bitLength();
      end
      """;

  private static RuleSet endless;

  @BeforeAll
  static void buildIt() throws Exception {
    endless =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .write("decision/Endless.drl", ENDLESS)
            .build();
  }

  @Test
  void theScenarioCheckEndsAndRefusesTheRuleSetNamingTheRule() {
    // generous: it proves the check ends (it never did), not that it is quick
    CandidateCheck.Report report =
        assertTimeoutPreemptively(
            Duration.ofMinutes(3), () -> ScenarioRunner.standalone().check(endless, null));

    assertThat(report.failures()).hasSize(2);
    assertThat(report.failures().get(0).message())
        .contains("did not decide within the deadline")
        .contains("'RaisesTenToTheHalfBillion' (decision/Endless.drl) did not return");
    assertThat(report.failures().get(1).message())
        .contains("scenarios were not run, nor the recent requests");
  }
}
