package org.llmstrategy.facts;

/** What would have to change for an approach the same rule says cannot work. */
public record KnowledgeRemedy(Approach approach, String change) {}
