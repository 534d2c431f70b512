package org.llmstrategy.facts;

/**
 * The option is blocked because no approach of the knowledge part can serve the task
 * (decision/Coherence.drl): the answer names the knowledge conflicts' constraints as its own.
 */
public record TaskNotServable(Option option) {}
