package org.llmstrategy.rules.live;

import java.time.Instant;
import java.util.List;
import org.llmstrategy.rules.RuleProblem;

/**
 * What GET /rules shows: the live rule set, how the last attempt to change it went, and for a Git
 * source whether the repository could be reached at the last fetch (null for a folder).
 */
public record RulesStatus(
    Active active, Attempt lastAttempt, RulesSource.RepositoryState repository) {

  /** The rule set every request uses now; {@code commit} is null for a folder. */
  public record Active(
      String rulesVersion,
      String origin,
      Instant activatedAt,
      int ruleCount,
      int scenarioCount,
      List<FileRules> files,
      RulesCommit commit) {}

  /** A rule file and how many rules it contributes. */
  public record FileRules(String file, long rules) {}

  /**
   * One attempt to build and activate the source's current content: the folder, or a commit (then
   * named by {@code commit}, null for a folder).
   */
  public record Attempt(
      Instant at,
      Outcome outcome,
      String candidateVersion,
      List<Problem> problems,
      List<Problem> failingScenarios,
      List<String> impact,
      CandidateCheck.Replay recentTraffic,
      RulesCommit commit) {
    public Attempt {
      problems = List.copyOf(problems);
      failingScenarios = List.copyOf(failingScenarios);
      impact = List.copyOf(impact);
      recentTraffic = recentTraffic == null ? CandidateCheck.Replay.none() : recentTraffic;
    }
  }

  /** ACTIVATED: live now; REFUSED: the active set keeps serving; UNCHANGED: same content. */
  public enum Outcome {
    ACTIVATED,
    REFUSED,
    UNCHANGED
  }

  /** A problem located as precisely as known. */
  public record Problem(String file, String sheet, String cell, String message, String location) {
    static Problem of(RuleProblem p) {
      return new Problem(p.file(), p.sheet(), p.cell(), p.message(), p.toString());
    }
  }
}
