/**
 * POST /recommend/sweep: one situation decided again at each value of one input (volume, horizon, a
 * price), with where the answer changes and each option's monthly cost along the way, which is what
 * the report page draws. Uses {@code recommend}, {@code recommend.request}, {@code rules.run} and
 * {@code problems}.
 */
package org.llmstrategy.recommend.sweep;
