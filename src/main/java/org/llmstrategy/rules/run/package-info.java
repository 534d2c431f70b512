/**
 * Deciding with a rule set: the immutable {@code RuleSet} and what it prepares once (its session
 * pool), the {@code RuleEngine} that holds the active set, bounds the concurrent runs and runs one
 * question in a pooled session, and what comes back ({@code Evaluation}, the rules that fired and
 * where each came from). Uses {@code facts} and Drools' public API; nothing here reads files.
 */
package org.llmstrategy.rules.run;
