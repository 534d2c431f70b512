package org.llmstrategy.facts;

/**
 * The priced option that costs least over the compared horizon (upfront, bills and, with an
 * engineer cost, labour), eligible or not: what the matrix's "Cheapest over the horizon" column
 * tests.
 */
public record CheapestOverTheHorizon(Option option) {}
