package org.llmstrategy.rules.run;

import java.util.List;

/**
 * Runs facts through a rule set: the live {@link RuleEngine} within its bound on concurrent runs,
 * or {@link #UNBOUNDED} for offline work (scenario checks, {@code validate}, benchmarks).
 */
@FunctionalInterface
public interface Evaluator {
  /** Offline: no bound, no traffic to share the processors with. */
  Evaluator UNBOUNDED = RuleEngine::evaluateUnbounded;

  Evaluation evaluate(RuleSet ruleSet, List<?> facts);
}
