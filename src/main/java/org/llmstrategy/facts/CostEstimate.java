package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.util.List;

/** API against self-host cost at the submitted volume, and where self-hosting pays off. */
public record CostEstimate(
    Tier tier,
    String referenceModel,
    BigDecimal apiMonthlyUsd,
    BigDecimal selfHostMonthlyUsd,
    String selfHostSetup,
    Option cheaperOption,
    Long breakEvenMonthlyTokens,
    List<TokenRange> selfHostCheaperRanges,
    boolean belowBreakEven) {

  /** A volume range, both ends inclusive; {@code toTokens} null means without upper bound. */
  public record TokenRange(long fromTokens, Long toTokens) {}

  public CostEstimate {
    selfHostCheaperRanges = List.copyOf(selfHostCheaperRanges);
  }
}
