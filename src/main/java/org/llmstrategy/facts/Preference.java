package org.llmstrategy.facts;

/** A matrix row added {@code weight} to an option's score. */
public record Preference(Option option, int weight) {}
