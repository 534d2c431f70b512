/**
 * The rules folder turned into a live, immutable rule set: reading and checking the files (limits,
 * typed cells in {@code rules.table}, lint, translation, compile), running a rule set (engine,
 * evaluation, the constant part prepared once), and keeping the live set current (watcher,
 * reloader, status, precompiled and early load; from Git in {@code rules.git}). Uses only {@code
 * facts}: the scenario check a candidate must pass is handed to it as a {@code CandidateCheck}.
 */
package org.llmstrategy.rules;
