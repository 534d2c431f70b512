package org.llmstrategy.rules.run;

import java.util.List;
import org.llmstrategy.facts.Criteria;

/** The varied criteria of RuleEngineTest, for rule tests in other packages. */
public final class RuleEngineTestAccess {
  private RuleEngineTestAccess() {}

  public static List<Criteria> variedCriteria(int n) {
    return RuleEngineTest.variedCriteria(n);
  }
}
