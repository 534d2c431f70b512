package org.llmstrategy.facts;

import java.math.BigDecimal;

/**
 * What an option costs a month at the submitted volume, as far as the rules price it. One fact per
 * priced option, so a later cost model (fine-tuning, labour) only adds facts.
 */
public record OptionCost(Option option, BigDecimal monthlyUsd) {}
