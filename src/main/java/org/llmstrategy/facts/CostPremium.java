package org.llmstrategy.facts;

import java.math.BigDecimal;

/**
 * An eligible option costs {@code horizonUsd} more over {@code months} than the cheapest eligible
 * option ({@code comparedTo}); its reasons are worth {@code allowedUsd} (the matrix's worth cells).
 * Beyond that allowance it cannot win: the cheaper option does. {@code monthlyUsd} is the premium
 * as an average month (to the cent).
 */
public record CostPremium(
    Option option,
    Option comparedTo,
    BigDecimal horizonUsd,
    int months,
    BigDecimal monthlyUsd,
    BigDecimal allowedUsd) {

  /** Whether the option costs more above the cheapest than its reasons are worth. */
  public boolean beyondAllowance() {
    return horizonUsd.compareTo(allowedUsd) > 0;
  }

  /** The premium over {@code months} against an allowance; the average month to the cent. */
  public static CostPremium of(
      Option option,
      Option comparedTo,
      BigDecimal optionTotalUsd,
      BigDecimal cheapestTotalUsd,
      int months,
      BigDecimal allowedUsd) {
    BigDecimal premium = optionTotalUsd.subtract(cheapestTotalUsd);
    return new CostPremium(
        option,
        comparedTo,
        premium,
        months,
        premium.divide(BigDecimal.valueOf(months), 2, java.math.RoundingMode.HALF_EVEN),
        allowedUsd);
  }
}
