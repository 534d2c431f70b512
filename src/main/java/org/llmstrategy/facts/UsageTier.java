package org.llmstrategy.facts;

/** The usage tier the submitted volume falls in. */
public record UsageTier(Tier tier) {}
