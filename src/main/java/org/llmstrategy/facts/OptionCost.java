package org.llmstrategy.facts;

import java.math.BigDecimal;

/**
 * What an option costs over the horizon the options are compared on (the request's {@code
 * horizonMonths}, else the default horizon): upfront + each month's bill and labour (labour when
 * the request gives an engineer cost), and that total as an average month ({@code horizonUsd /
 * months}, to the cent). One fact per priced option (CostPremium.drl).
 */
public record OptionCost(Option option, BigDecimal horizonUsd, int months, BigDecimal monthlyUsd) {}
