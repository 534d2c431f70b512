package org.llmstrategy.facts;

import java.math.BigDecimal;

/**
 * A self-host setup from the capacity table: it serves up to {@code capacityTokens} a month for
 * {@code monthlyUsd}. A {@code repeatable} setup is bought in whole multiples beyond its capacity.
 * {@code maxParametersBillions} is the largest model it serves (null: the article's setups, 70B);
 * {@code gpus} how many GPUs it runs (null: not said), which the team that runs it grows with.
 */
public record SelfHostSetup(
    String name,
    long capacityTokens,
    BigDecimal monthlyUsd,
    boolean repeatable,
    BigDecimal maxParametersBillions,
    Long gpus) {

  public SelfHostSetup(
      String name,
      long capacityTokens,
      BigDecimal monthlyUsd,
      boolean repeatable,
      BigDecimal maxParametersBillions) {
    this(name, capacityTokens, monthlyUsd, repeatable, maxParametersBillions, null);
  }

  /** A setup of the article's staircase, without a model size. */
  public SelfHostSetup(
      String name, long capacityTokens, BigDecimal monthlyUsd, boolean repeatable) {
    this(name, capacityTokens, monthlyUsd, repeatable, null, null);
  }
}
