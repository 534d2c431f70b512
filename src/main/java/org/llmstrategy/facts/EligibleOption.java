package org.llmstrategy.facts;

/** An option no rule blocked, with the sum of the preferences it collected. */
public record EligibleOption(Option option, int score) {}
