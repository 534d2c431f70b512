package org.llmstrategy.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.rules.RuleProblem;

/** The analysts' scenarios in rules/scenarios, one JUnit test each, as the reloader runs them. */
class ShippedScenariosTest {
  static final ScenarioRunner RUNNER = ScenarioRunner.standalone();

  static Stream<Named<Scenario>> scenarios() {
    List<RuleProblem> problems = new ArrayList<>();
    List<Scenario> all = ScenarioRunner.scenarios(ShippedRules.get(), problems);
    assertThat(problems).isEmpty();
    return all.stream().map(s -> Named.of(s.name() + " (row " + s.row() + ")", s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void holds(Scenario scenario) {
    var outcome = RUNNER.run(ShippedRules.get(), scenario);
    assertThat(outcome.failures(scenario)).isEmpty();
    assertThat(scenario.expectations()).isNotEmpty();
  }

  @Test
  void thereIsAScenarioForEveryMatrixRowAndEveryTier() {
    var rules = ShippedRules.get();
    var report = RUNNER.check(rules, null);
    assertThat(report.failures()).isEmpty();
    assertThat(report.checked()).isGreaterThanOrEqualTo(25);
  }
}
