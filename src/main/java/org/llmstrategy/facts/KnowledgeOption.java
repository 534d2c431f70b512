package org.llmstrategy.facts;

/** One knowledge approach under consideration; the knowledge rows attach their signals to it. */
public record KnowledgeOption(Approach approach) {}
