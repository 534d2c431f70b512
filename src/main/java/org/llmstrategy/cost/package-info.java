/**
 * Exact money arithmetic for the cost framework: API against self-host at a volume and traffic
 * shape, break-even and the ranges where self-hosting is cheaper, totals over a horizon, model
 * sizing, and the pricing of candidate models. Called from the rules' consequences; every figure it
 * uses comes from the rules' facts. Uses only {@code facts}.
 */
package org.llmstrategy.cost;
