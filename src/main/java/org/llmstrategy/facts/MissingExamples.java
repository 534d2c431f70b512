package org.llmstrategy.facts;

/** A needed approach is impossible until this many more labeled examples are collected. */
public record MissingExamples(Approach approach, int count) {}
