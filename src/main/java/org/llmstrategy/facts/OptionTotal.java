package org.llmstrategy.facts;

import java.math.BigDecimal;

/**
 * One option's cost over the request's horizon: upfront, monthly bill, labour a month (null when
 * the request gives no engineer cost), and upfront + horizon × (monthly + labour) (null without a
 * horizon). {@code monthlyUsd} is null when the option cannot be priced (no setup serves the
 * volume).
 */
public record OptionTotal(
    Option option,
    BigDecimal upfrontUsd,
    BigDecimal monthlyUsd,
    BigDecimal labourMonthlyUsd,
    BigDecimal horizonUsd) {}
