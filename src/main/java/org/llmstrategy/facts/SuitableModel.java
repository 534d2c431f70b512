package org.llmstrategy.facts;

/** A catalog model that suits the recommended option, before the request's own filters. */
public record SuitableModel(CatalogModel model) {}
