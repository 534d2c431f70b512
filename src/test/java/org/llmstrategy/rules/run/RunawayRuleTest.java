package org.llmstrategy.rules.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.live.CandidateCheck;
import org.llmstrategy.scenarios.ScenarioRunner;

/** A rule that keeps re-activating itself is stopped, named, and refused; it never hangs a run. */
class RunawayRuleTest {
  @TempDir static Path tmp;

  private static RuleSet looping;

  /**
   * Raises what its own condition reads, so it matches again after every firing. On a fact of its
   * own: the criteria are immutable, and replacing them would make every rule on them fire again.
   */
  static final String LOOP =
      """
      package decision;

      import org.llmstrategy.facts.*;

      declare ExampleCount
          n : int
      end

      rule "StartsCounting"
      when
          Criteria()
          not ExampleCount()
      then
          insert(new ExampleCount(0));
      end

      rule "CountsExamplesForever"
      when
          $c : ExampleCount(n >= 0)
      then
          modify($c) { setN($c.getN() + 1) };
      end
      """;

  @BeforeAll
  static void buildARuleSetWithALoop() throws Exception {
    looping =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .write("decision/Loop.drl", LOOP)
            .build();
  }

  @Test
  void aRequestStopsAndNamesTheRule() {
    assertThatThrownBy(
            () -> RuleEngine.evaluateUnbounded(looping, RuleEngineTest.facts(criteria())))
        .isInstanceOf(RulesDidNotSettleException.class)
        .hasMessageContaining("did not settle after 20,000 firings")
        .hasMessageContaining("'CountsExamplesForever' (decision/Loop.drl)")
        .satisfies(
            e ->
                assertThat(((RulesDidNotSettleException) e).rule().rule())
                    .isEqualTo("CountsExamplesForever"));
  }

  @Test
  void theEngineServesTheNextRequestAfterwards() {
    for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors() + 1; i++) {
      assertThatThrownBy(
              () -> RuleEngine.evaluateUnbounded(looping, RuleEngineTest.facts(criteria())))
          .isInstanceOf(RulesDidNotSettleException.class);
    }
    // every stopped run gave its turn back: a good rule set still decides
    Evaluation e =
        RuleEngine.evaluateUnbounded(ShippedRules.get(), RuleEngineTest.facts(criteria()));
    assertThat(e.firedRules()).isNotEmpty();
  }

  @Test
  void theScenariosRefuseTheRuleSetNamingTheRule() {
    CandidateCheck.Report report = ScenarioRunner.standalone().check(looping, null);

    assertThat(report.failures()).isNotEmpty();
    assertThat(report.failures())
        .allSatisfy(
            p ->
                assertThat(p.message())
                    .contains("did not settle")
                    .contains("CountsExamplesForever"));
  }

  private static Criteria criteria() {
    return RuleEngineTest.variedCriteria(1).get(0);
  }
}
