/**
 * POST /recommend/sensitivity: the situation decided again with each numeric input moved down and
 * up by a share, so a reader sees which inputs move each option's total most and which would change
 * the verdict (the report page's tornado). Uses {@code recommend}, {@code recommend.request},
 * {@code rules.run} and {@code problems}.
 */
package org.llmstrategy.recommend.sensitivity;
