package org.llmstrategy.rules.run;

import java.util.List;

/**
 * Runs facts through a rule set: the live {@link RuleEngine} within its bound on concurrent runs,
 * an {@link OfflineRuns} for offline work (scenario checks, {@code validate}, benchmarks), or
 * {@link #UNBOUNDED} for a single offline run.
 */
@FunctionalInterface
public interface Evaluator {
  /**
   * Offline, one run at a time: each run on a thread started for it (nothing kept between runs, no
   * static pool). Many runs in a row belong on an {@link OfflineRuns} their owner holds.
   */
  Evaluator UNBOUNDED = RuleEngine::evaluateUnbounded;

  Evaluation evaluate(RuleSet ruleSet, List<?> facts);

  /**
   * As {@link #evaluate}, for a caller that needs only what a run has found by the end of the phase
   * in which a fact of type {@code decidedBy} was inserted (a re-decision for flips needs the
   * verdict, not its explanation or the listing of models): the phases after it are not fired, so
   * the facts they would add are missing. By default the whole run.
   */
  default Evaluation evaluateUntil(RuleSet ruleSet, List<?> facts, Class<?> decidedBy) {
    return evaluate(ruleSet, facts);
  }
}
