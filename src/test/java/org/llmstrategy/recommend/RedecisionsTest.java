package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Blocker;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.DeploymentVerdict;
import org.llmstrategy.facts.EligibleOption;
import org.llmstrategy.facts.Preference;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.OfflineRuns;
import org.llmstrategy.rules.run.Phases;

/**
 * A re-decision for flips and what it would take runs the shipped rules only as far as the phase
 * that decides the verdict: it finds the same verdict, blockers, preferences, scores and totals as
 * the whole run (all that flips and what it would take read), and fires none of the later phases'
 * rules (the explanations and the listing of models), without Spring.
 */
class RedecisionsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  /** The shipped rule files of the phases after "scoring", where the verdict is inserted. */
  private static final List<String> AFTER_THE_VERDICT =
      List.of("WinnerExplained.drl", "ModelCandidates.drl", "Deprecation.drl");

  @Test
  void aReDecisionFindsWhatTheWholeRunFindsUpToTheVerdictAndNoMore() {
    var rules = ShippedRules.get();
    try (OfflineRuns runs = new OfflineRuns()) {
      check(rules, runs);
    }
  }

  private static void check(org.llmstrategy.rules.run.RuleSet rules, OfflineRuns runs) {
    Random random = new Random(9L);
    int shorter = 0;
    for (int n = 0; n < 40; n++) {
      Criteria c = WhatItWouldTakeTest.random(random);
      Evaluation whole = runs.evaluate(rules, Recommender.facts(c, DAY));
      Evaluation e = new Redecisions(runs, rules, Criteria.defaults(), whole, DAY).of(c);
      assertThat(Redecisions.recommendation(e))
          .as("%s", c)
          .isEqualTo(Redecisions.recommendation(whole));
      for (Class<?> read :
          List.of(
              DeploymentVerdict.class,
              Blocker.class,
              Preference.class,
              EligibleOption.class,
              CostEstimate.class)) {
        assertThat(e.facts(read))
            .as("%s in %s", read.getSimpleName(), c)
            .isEqualTo(whole.facts(read));
      }
      // what it fired is where the whole run started, and nothing of the phases after the verdict's
      assertThat(whole.firedRules())
          .startsWith(e.firedRules().toArray(new org.llmstrategy.rules.run.FiredRule[0]));
      // the phases after the verdict's (WinnerExplained, ModelCandidates, Deprecation) fired
      // nothing
      assertThat(e.firedRules())
          .as("%s", c)
          .noneMatch(
              f ->
                  f.source() != null
                      && f.source().file() != null
                      && AFTER_THE_VERDICT.stream().anyMatch(f.source().file()::endsWith));
      if (e.firedRules().size() < whole.firedRules().size()) {
        shorter++;
      }
    }
    // (a situation where nothing is left for those phases to explain or list fires as much)
    assertThat(shorter).as("re-decisions that stopped before the explanations").isGreaterThan(20);
    assertThat(Phases.ORDER.indexOf("scoring")).isLessThan(Phases.ORDER.indexOf("explanation"));
  }
}
