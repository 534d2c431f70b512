package org.llmstrategy.rules.live;

import java.time.Instant;
import java.util.List;

/**
 * GET /rules/history: this replica's recent activations, newest first: what was live when, and each
 * commit (or folder edit) that was refused. Kept in memory, so it starts again at each start-up.
 */
public record RulesHistory(List<Activation> activations) {
  public RulesHistory {
    activations = List.copyOf(activations);
  }

  /**
   * One attempt that mattered: an activation (the start-up one included), a refusal, or a new
   * commit whose rules are the same as the active ones ({@code UNCHANGED}: now live as that
   * commit).
   *
   * @param rulesVersion the version built (for a refusal: the candidate's, null when none was)
   * @param commit the commit it came from; null for a folder
   * @param problems how many problems refused it (0 when it was not refused for problems)
   * @param failingScenarios how many scenarios refused it
   */
  public record Activation(
      Instant at,
      RulesStatus.Outcome outcome,
      String rulesVersion,
      RulesCommit commit,
      int problems,
      int failingScenarios) {}
}
