package org.llmstrategy.facts;

/**
 * How far ahead the deprecation rules look for candidates that retire, in months
 * (DEPRECATION_HORIZON_MONTHS in settings/Constants.drl.xlsx, read as reference data).
 */
public record DeprecationHorizon(int months) {
  public DeprecationHorizon {
    if (months < 1) {
      throw new IllegalArgumentException("the horizon is at least one month, not " + months);
    }
  }
}
