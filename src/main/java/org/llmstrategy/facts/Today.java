package org.llmstrategy.facts;

import java.time.LocalDate;

/**
 * The day a decision is made (from the service's clock, fixed in tests), and the date arithmetic
 * the deprecation rules need; how far ahead to look is the rules' to say.
 */
public record Today(LocalDate date) {
  /** The model is retired on its retirement date and after; an unknown date never passes. */
  public boolean hasPassed(LocalDate retirement) {
    return retirement != null && !retirement.isAfter(date);
  }

  /** Retires after today, on or before the day {@code months} months from now. */
  public boolean isWithinMonths(LocalDate retirement, int months) {
    return retirement != null
        && retirement.isAfter(date)
        && !retirement.isAfter(date.plusMonths(months));
  }
}
