package org.llmstrategy;

import java.math.BigDecimal;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.TimeToProduction;

/** Criteria the tests start from. */
public final class Situations {
  private Situations() {}

  /** Every option open: months, a large budget, a full team, no latency constraint. */
  public static Criteria everythingOpen() {
    Criteria c =
        Criteria.defaults()
            .with("dataSensitivity", DataSensitivity.PUBLIC)
            .with("monthlyTokens", 1_000_000)
            .with("timeToProduction", TimeToProduction.MONTHS)
            .with("upfrontBudgetUsd", new BigDecimal("1000000"))
            .with("mlEngineers", 3)
            .with("infraEngineers", 3);
    return c;
  }
}
