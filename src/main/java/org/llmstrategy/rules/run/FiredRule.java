package org.llmstrategy.rules.run;

/** A rule that fired while deciding, and where it is written. */
public record FiredRule(String rule, RuleSource source) {}
