/**
 * POST /recommend, /recommend/sweep and GET /models: reads a request strictly into {@code facts}
 * criteria, runs the active rule set once ({@code rules}), and maps what the rules found into the
 * answer a CTO reads (deployment, knowledge, cost, candidate models, advice, what decided, what
 * would flip it). Uses {@code rules}, {@code facts}, {@code cost} and the web edge's problem types.
 */
package org.llmstrategy.recommend;
