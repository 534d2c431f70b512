package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an option costs besides its monthly bill, from {@code cost/OptionCosts.drl.xlsx}: the
 * upfront cost, the engineers it needs to run, and for fine-tuning the fine-tuned model's price
 * multiplier and its retraining runs (runs a month, tokens per labeled example, epochs, the price
 * of a training token). A null means the cell is empty: not counted.
 */
public record OptionTerms(
    Option option,
    BigDecimal upfrontUsd,
    Integer engineers,
    BigDecimal tunedPriceMultiplier,
    BigDecimal trainingRunsPerMonth,
    Long trainingTokensPerExample,
    Integer epochsPerRun,
    BigDecimal trainingUsdPerMillionTokens,
    String source,
    LocalDate checkedOn) {

  /** The upfront cost, 0 when the cell is empty. */
  public BigDecimal upfront() {
    return upfrontUsd == null ? BigDecimal.ZERO : upfrontUsd;
  }

  /** The engineers the option needs, 0 when the cell is empty. */
  public int team() {
    return engineers == null ? 0 : engineers;
  }
}
