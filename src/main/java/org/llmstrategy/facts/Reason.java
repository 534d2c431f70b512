package org.llmstrategy.facts;

/** Why a rule spoke for (or against) an option, in the article's words. */
public record Reason(Option option, String text) {}
