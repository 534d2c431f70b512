package org.llmstrategy.facts;

/** One deployment option under consideration; the matrix rows attach their effects to it. */
public record Candidate(Option option) {}
