package org.llmstrategy.facts;

/**
 * The months over which the options' totals are compared when the request sends no {@code
 * horizonMonths} (DEFAULT_HORIZON_MONTHS in settings/Constants.drl.xlsx, read as reference data):
 * without a horizon an upfront cost would count for nothing against a monthly saving.
 */
public record ComparisonHorizon(int months) {
  public ComparisonHorizon {
    if (months < 1) {
      throw new IllegalArgumentException("the horizon is at least one month, not " + months);
    }
  }
}
