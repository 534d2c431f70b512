/**
 * The rule set being served, kept current: the Spring wiring, the folder watcher, the reloader
 * (build, scenario check, swap, or keep the last good set and say why), the status and history GET
 * /rules shows, and the precompiled and early load at start-up. The scenario check is handed in as
 * a {@code CandidateCheck}. Uses {@code rules.compile}, {@code rules.run} and {@code rules}.
 */
package org.llmstrategy.rules.live;
