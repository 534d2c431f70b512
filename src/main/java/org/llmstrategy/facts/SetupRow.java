package org.llmstrategy.facts;

import java.math.BigDecimal;

/**
 * One row of the self-host setups workbook while its cells are read; {@code decision/Catalog.drl}
 * publishes the finished {@link SelfHostSetup}.
 */
public class SetupRow {
  private final String name;
  private long capacityTokens;
  private BigDecimal monthlyUsd;
  private boolean repeatable;

  public SetupRow(String name) {
    this.name = name;
  }

  public void capacityTokens(long capacityTokens) {
    this.capacityTokens = capacityTokens;
  }

  public void monthlyUsd(String usd) {
    this.monthlyUsd = new BigDecimal(usd);
  }

  public void repeatable(boolean repeatable) {
    this.repeatable = repeatable;
  }

  public SelfHostSetup toSetup() {
    return new SelfHostSetup(name, capacityTokens, monthlyUsd, repeatable);
  }
}
