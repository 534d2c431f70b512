package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.util.List;

/**
 * API against self-host cost at the submitted volume, and where self-hosting pays off; with the
 * request's traffic shape, labour and horizon when it gives them. {@code options} holds every
 * option's upfront, monthly, labour and horizon figures. {@code selfHost} is the sized setup when
 * the request sends {@code selfHost} (null: the setups' table priced it); {@code breakEvenMonths}
 * the month from which self-hosting has cost no more in all than the API, upfront included. {@code
 * selfHostModel} and {@code fineTuneModel} name the models those options are priced on (the
 * cheapest that meet the request's filters; null when none is, or when a tool priced the article's
 * staircase without naming one).
 */
public record CostEstimate(
    Tier tier,
    String referenceModel,
    BigDecimal apiMonthlyUsd,
    BigDecimal selfHostMonthlyUsd,
    String selfHostSetup,
    Option cheaperOption,
    Long breakEvenMonthlyTokens,
    List<TokenRange> selfHostCheaperRanges,
    boolean belowBreakEven,
    List<OptionTotal> options,
    SelfHostPlan selfHost,
    BigDecimal breakEvenMonths,
    String selfHostModel,
    String fineTuneModel) {

  /** A volume range, both ends inclusive; {@code toTokens} null means without upper bound. */
  public record TokenRange(long fromTokens, Long toTokens) {}

  public CostEstimate {
    selfHostCheaperRanges = List.copyOf(selfHostCheaperRanges);
    options = List.copyOf(options);
  }

  /**
   * Whether self-hosting was sized from the request's {@code selfHost} (else the setups' table).
   */
  public boolean sized() {
    return selfHost != null;
  }

  /** The option's total, or null when the estimate has none for it. */
  public OptionTotal option(Option option) {
    return options.stream().filter(o -> o.option() == option).findFirst().orElse(null);
  }
}
