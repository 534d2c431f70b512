/**
 * POST /recommend and GET /models: runs the active rule set once ({@code rules.run}) on the
 * criteria {@code recommend.request} read, and maps what the rules found into the answer a CTO
 * reads (deployment, knowledge, cost, candidate models, advice, what decided, what would flip it).
 * Uses {@code recommend.request}, {@code rules.run}, {@code facts}, {@code cost} and {@code
 * problems}; the sweep built on it is {@code recommend.sweep}.
 */
package org.llmstrategy.recommend;
