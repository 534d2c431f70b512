package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.util.List;

/**
 * One option's cost over the request's horizon: upfront, monthly bill, labour a month (null when
 * the request gives no engineer cost), and upfront + horizon × (monthly + labour) (null without a
 * horizon), and the cumulative total at the end of each month of the horizon (null without one).
 * {@code monthlyUsd} is null when the option cannot be priced (no setup serves the volume).
 */
public record OptionTotal(
    Option option,
    BigDecimal upfrontUsd,
    BigDecimal monthlyUsd,
    BigDecimal labourMonthlyUsd,
    BigDecimal horizonUsd,
    List<BigDecimal> totalByMonthUsd) {
  public OptionTotal {
    totalByMonthUsd = totalByMonthUsd == null ? null : List.copyOf(totalByMonthUsd);
  }

  public OptionTotal(
      Option option,
      BigDecimal upfrontUsd,
      BigDecimal monthlyUsd,
      BigDecimal labourMonthlyUsd,
      BigDecimal horizonUsd) {
    this(option, upfrontUsd, monthlyUsd, labourMonthlyUsd, horizonUsd, null);
  }
}
