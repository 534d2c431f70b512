package org.llmstrategy.facts;

/** How soon the solution must be live. */
public enum TimeToProduction {
  DAYS,
  WEEKS,
  MONTHS
}
