package org.llmstrategy.facts;

import java.math.BigDecimal;

/** The recommended option costs this much a month more than the cheapest eligible option. */
public record CostPremium(Option option, Option comparedTo, BigDecimal monthlyUsd) {}
