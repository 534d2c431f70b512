package org.llmstrategy.facts;

/** A sentence of the cost answer: what is and is not counted (wording from the rules). */
public record CostAssumption(String text) {}
