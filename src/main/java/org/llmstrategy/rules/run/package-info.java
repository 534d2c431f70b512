/**
 * Deciding with a rule set: the immutable {@code RuleSet} and the constant part it prepares once
 * (the facts every decision shares), the {@code RuleEngine} that holds the active set and runs one
 * question in a fresh session, and what comes back ({@code Evaluation}, the rules that fired and
 * where each came from). Uses {@code facts} and Drools; nothing here reads files.
 */
package org.llmstrategy.rules.run;
