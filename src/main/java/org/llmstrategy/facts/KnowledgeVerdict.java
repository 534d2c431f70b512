package org.llmstrategy.facts;

/** The knowledge strategy the rules settled on. */
public record KnowledgeVerdict(KnowledgeStrategy strategy) {}
