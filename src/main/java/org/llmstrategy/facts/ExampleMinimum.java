package org.llmstrategy.facts;

/** An approach is possible only from this many labeled examples. */
public record ExampleMinimum(Approach approach, int labeledExamples) {}
