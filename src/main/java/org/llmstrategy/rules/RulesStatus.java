package org.llmstrategy.rules;

import java.time.Instant;
import java.util.List;

/** What GET /rules shows: the live rule set, and how the last attempt to change it went. */
public record RulesStatus(Active active, Attempt lastAttempt) {

  /** The rule set every request uses now. */
  public record Active(
      String rulesVersion,
      String origin,
      Instant activatedAt,
      int ruleCount,
      int scenarioCount,
      List<FileRules> files) {}

  /** A rule file and how many rules it contributes. */
  public record FileRules(String file, long rules) {}

  /** One attempt to build and activate the folder's current content. */
  public record Attempt(
      Instant at,
      Outcome outcome,
      String candidateVersion,
      List<Problem> problems,
      List<Problem> failingScenarios,
      List<String> impact,
      CandidateCheck.Replay recentTraffic) {
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
