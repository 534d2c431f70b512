package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one reason for an option is worth paying more for, from the matrix's worth columns
 * (deployment/DeploymentMatrix.drl.xlsx): a fixed amount over the horizon, or a share of the
 * cheapest eligible option's total (a row with both inserts one fact for each). The row that gives
 * the worth also gives the reason, so the answer pairs them by the rule (costPremium.justifiedBy).
 */
public record PremiumWorth(Option option, BigDecimal amountUsd, BigDecimal shareOfCheapest) {
  public PremiumWorth {
    amountUsd = amountUsd == null ? BigDecimal.ZERO : amountUsd;
    shareOfCheapest = shareOfCheapest == null ? BigDecimal.ZERO : shareOfCheapest;
  }

  /** A worth of {@code usd} over the horizon (the matrix's amount column). */
  public static PremiumWorth amount(Option option, BigDecimal usd) {
    return new PremiumWorth(option, usd, BigDecimal.ZERO);
  }

  /** A worth of {@code share} × the cheapest eligible option's total (the share column). */
  public static PremiumWorth share(Option option, BigDecimal share) {
    return new PremiumWorth(option, BigDecimal.ZERO, share);
  }

  /** This worth against a cheapest total: the amount plus the share of it. */
  public BigDecimal against(BigDecimal cheapestTotalUsd) {
    return amountUsd.add(shareOfCheapest.multiply(cheapestTotalUsd));
  }

  /**
   * What the worths together allow an option to cost above the cheapest total: the sum of each
   * worth against it, to the cent (rounded down: an allowance is never more than the cells say).
   */
  public static BigDecimal allowance(List<PremiumWorth> worths, BigDecimal cheapestTotalUsd) {
    BigDecimal sum = BigDecimal.ZERO;
    for (PremiumWorth w : worths) {
      sum = sum.add(w.against(cheapestTotalUsd));
    }
    return sum.setScale(2, java.math.RoundingMode.DOWN);
  }
}
