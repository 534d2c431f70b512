package org.llmstrategy.facts;

/** A catalog model a filter kept out of the candidates, and which filter. */
public record ExcludedModel(String model, String filter) {}
