/**
 * Rules from a Git repository, for several replicas that must serve one rules version: each replica
 * fetches a branch (or a pinned commit or tag), reads the commit's tree into the same files a rules
 * folder gives, and hands them to the same pipeline; a poll takes new commits live when they pass.
 * Its public face is {@link org.llmstrategy.rules.git.GitRulesProperties}; everything else is wired
 * by {@code GitRulesConfiguration} when {@code decision.rules-git-uri} is set.
 */
package org.llmstrategy.rules.git;
