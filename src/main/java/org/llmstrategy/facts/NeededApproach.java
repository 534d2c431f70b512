package org.llmstrategy.facts;

/** Some row says the approach is needed and no row rules it out. */
public record NeededApproach(Approach approach) {}
