package org.llmstrategy.facts;

/**
 * A needed approach that no option open to the request can carry out (fine-tuning when both options
 * that fine-tune are blocked): like one that lacks its labeled examples, it is not yet possible, so
 * the knowledge verdict falls back to retrieval instead of demanding it of an option that cannot
 * deliver it. {@code because} says so in the rules' words.
 */
public record ApproachOutOfReach(Approach approach, String because) {}
