package org.llmstrategy.facts;

import java.math.BigDecimal;

/** The cheapest priced model meeting the request's filters, and its API cost at the volume. */
public record CheapestApi(String model, BigDecimal monthlyUsd) {}
