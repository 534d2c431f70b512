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
  private BigDecimal maxParametersBillions;
  private String source;
  private String checkedOn;

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

  /** The largest model this setup serves, in billions of parameters. */
  public void maxParametersBillions(String billions) {
    this.maxParametersBillions = new BigDecimal(billions);
  }

  /** Where the row's figures come from (a description: not used in the arithmetic). */
  public void source(String source) {
    this.source = source;
  }

  /** When the row's figures were checked, YYYY-MM-DD (a description). */
  public void checkedOn(String isoDate) {
    this.checkedOn = isoDate;
  }

  public String getSource() {
    return source;
  }

  public String getCheckedOn() {
    return checkedOn;
  }

  public SelfHostSetup toSetup() {
    return new SelfHostSetup(name, capacityTokens, monthlyUsd, repeatable, maxParametersBillions);
  }
}
