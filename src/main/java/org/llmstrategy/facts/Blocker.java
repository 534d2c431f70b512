package org.llmstrategy.facts;

/** A matrix row excluded an option; {@code because} is the row's reason in the article's words. */
public record Blocker(Option option, String because) {}
