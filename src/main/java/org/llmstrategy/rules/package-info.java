/**
 * The rules folder turned into a live, immutable rule set, in rooms by role: {@code rules.compile}
 * reads and checks a folder into a rule set (typed cells in {@code rules.table}), {@code rules.run}
 * decides with one, {@code rules.live} keeps the served one current (from Git in {@code
 * rules.git}). This package holds only what all of them say: a rule file, a problem in it at its
 * file, sheet and cell, and a refused rule set. It uses nothing of ours.
 */
package org.llmstrategy.rules;
