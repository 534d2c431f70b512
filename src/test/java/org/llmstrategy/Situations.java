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
    Criteria c = new Criteria();
    c.setDataSensitivity(DataSensitivity.PUBLIC);
    c.setMonthlyTokens(1_000_000);
    c.setTimeToProduction(TimeToProduction.MONTHS);
    c.setUpfrontBudgetUsd(new BigDecimal("1000000"));
    c.setMlEngineers(3);
    c.setInfraEngineers(3);
    return c;
  }
}
