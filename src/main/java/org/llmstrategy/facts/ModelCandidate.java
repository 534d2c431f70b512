package org.llmstrategy.facts;

/** A catalog model that suits the recommended option and the submitted filters. */
public record ModelCandidate(CatalogModel model) {}
