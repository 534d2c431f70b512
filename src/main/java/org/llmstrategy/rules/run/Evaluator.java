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
}
