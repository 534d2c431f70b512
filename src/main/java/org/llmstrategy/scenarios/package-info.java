/**
 * The analysts' expected outcomes ({@code rules/scenarios/*.xlsx}): reading each row's request and
 * expectations cell by cell, running them against a candidate rule set before it goes live, the
 * impact of a change by name, and the replay of recent traffic. Uses {@code recommend} to answer as
 * the service would, {@code rules.live}'s {@code CandidateCheck} it implements, {@code rules.run},
 * {@code rules.table}, {@code facts} and {@code problems}.
 */
package org.llmstrategy.scenarios;
