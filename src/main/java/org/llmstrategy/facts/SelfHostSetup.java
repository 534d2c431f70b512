package org.llmstrategy.facts;

import java.math.BigDecimal;

/**
 * A self-host setup from the capacity table: it serves up to {@code capacityTokens} a month for
 * {@code monthlyUsd}. A {@code repeatable} setup is bought in whole multiples beyond its capacity.
 */
public record SelfHostSetup(
    String name, long capacityTokens, BigDecimal monthlyUsd, boolean repeatable) {}
