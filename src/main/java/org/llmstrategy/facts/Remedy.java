package org.llmstrategy.facts;

/** What would have to change for the blocker inserted by the same rule to go away. */
public record Remedy(Option option, String change) {}
