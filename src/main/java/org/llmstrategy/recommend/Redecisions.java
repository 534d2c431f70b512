package org.llmstrategy.recommend;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.DeploymentVerdict;
import org.llmstrategy.facts.Option;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.Evaluator;
import org.llmstrategy.rules.run.RuleSet;

/**
 * The same rule set run again on changed criteria, for one answer's flips and what it would take:
 * each distinct situation is decided once (flips and the search for what it would take try many of
 * the same values), on the answer's day, by the answer's evaluator. One per answer, on one thread:
 * it is thrown away with the answer.
 */
final class Redecisions {
  private final Evaluator evaluator;
  private final RuleSet rules;
  private final LocalDate today;
  private final Map<Criteria, Evaluation> decided = new HashMap<>();

  Redecisions(
      Evaluator evaluator, RuleSet rules, Criteria criteria, Evaluation answer, LocalDate today) {
    this.evaluator = evaluator;
    this.rules = rules;
    this.today = today;
    decided.put(criteria, answer);
  }

  /**
   * The rules' evaluation of {@code criteria}, run once per distinct situation, as far as the phase
   * that decides the verdict: flips read the verdict, what it would take the blockers, preferences,
   * scores and totals, all found by then; the explanations and the listing of models after it are
   * not made (a third of a run's processor time, BENCHMARKS.md).
   */
  Evaluation of(Criteria criteria) {
    Evaluation e = decided.get(criteria);
    if (e == null) {
      e =
          evaluator.evaluateUntil(
              rules, Recommender.facts(criteria, today), DeploymentVerdict.class);
      decided.put(criteria, e);
    }
    return e;
  }

  /** What the rules recommend for {@code criteria}; null when nothing is feasible. */
  Option recommendation(Criteria criteria) {
    return recommendation(of(criteria));
  }

  static Option recommendation(Evaluation e) {
    DeploymentVerdict v = e.first(DeploymentVerdict.class);
    return v == null ? null : v.recommendation();
  }

  /** Runs of the rules so far (the submitted answer's own not counted). */
  int runs() {
    return decided.size() - 1;
  }
}
