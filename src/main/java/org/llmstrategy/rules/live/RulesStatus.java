package org.llmstrategy.rules.live;

import java.time.Instant;
import java.util.List;
import org.llmstrategy.rules.RuleProblem;

/**
 * What GET /rules shows: the live rule set, how the last attempt to change it went, for a Git
 * source whether the repository could be reached at the last fetch (null for a folder), and the
 * decisions of the live rule set that had to be stopped (any makes it faulty).
 */
public record RulesStatus(
    Active active,
    Attempt lastAttempt,
    RulesSource.RepositoryState repository,
    StoppedDecisions stoppedDecisions) {

  public RulesStatus(Active active, Attempt lastAttempt, RulesSource.RepositoryState repository) {
    this(active, lastAttempt, repository, StoppedDecisions.NONE);
  }

  /**
   * Decisions of the active rule set the engine stopped because they did not end in time (a rule
   * that fires again and again, a consequence that does not return): how many since it went live,
   * and the last few, newest first. Any makes the rule set faulty; replacing it starts at none.
   */
  public record StoppedDecisions(long count, List<StoppedDecision> last) {
    static final StoppedDecisions NONE = new StoppedDecisions(0, List.of());

    public StoppedDecisions {
      last = List.copyOf(last);
    }

    static StoppedDecisions of(org.llmstrategy.rules.run.StoppedDecisions.Summary s) {
      return new StoppedDecisions(
          s.count(),
          s.last().stream()
              .map(
                  d ->
                      new StoppedDecision(
                          d.at(),
                          d.rule() == null ? null : d.rule().rule(),
                          d.rule() == null ? null : d.rule().source().toString(),
                          d.reason()))
              .toList());
    }
  }

  /** One stopped decision: when, the rule to look at and where it is written, and why. */
  public record StoppedDecision(Instant at, String rule, String location, String reason) {}

  /**
   * The rule set every request uses now; {@code commit} is null for a folder, which {@code origin}
   * names without where it sits on the server.
   */
  public record Active(
      String rulesVersion,
      String origin,
      Instant activatedAt,
      int ruleCount,
      int scenarioCount,
      List<FileRules> files,
      RulesCommit commit) {
    public Active {
      origin = StatusLimits.origin(origin);
      files =
          files.stream().map(f -> new FileRules(StatusLimits.text(f.file()), f.rules())).toList();
    }
  }

  /** A rule file and how many rules it contributes. */
  public record FileRules(String file, long rules) {}

  /**
   * One attempt to build and activate the source's current content: the folder, or a commit (then
   * named by {@code commit}, null for a folder). Bounded ({@link StatusLimits}): each file's first
   * problems are listed and the rest counted in {@code moreProblems}; beyond the first failing
   * scenarios and lines of impact, {@code moreFailingScenarios} and {@code moreImpact} count the
   * rest.
   */
  public record Attempt(
      Instant at,
      Outcome outcome,
      String candidateVersion,
      List<Problem> problems,
      List<Problem> failingScenarios,
      List<String> impact,
      CandidateCheck.Replay recentTraffic,
      RulesCommit commit,
      List<FileCount> moreProblems,
      int moreFailingScenarios,
      int moreImpact) {
    public Attempt {
      StatusLimits.Listed listed = StatusLimits.problems(problems, moreProblems);
      problems = listed.listed();
      moreProblems = listed.more();
      moreFailingScenarios += Math.max(0, failingScenarios.size() - StatusLimits.FAILING_SCENARIOS);
      failingScenarios = StatusLimits.first(failingScenarios, StatusLimits.FAILING_SCENARIOS);
      moreImpact += Math.max(0, impact.size() - StatusLimits.IMPACT);
      impact =
          StatusLimits.first(impact, StatusLimits.IMPACT).stream().map(StatusLimits::text).toList();
      recentTraffic = recentTraffic == null ? CandidateCheck.Replay.none() : recentTraffic;
    }

    /** An attempt with nothing counted beyond what it lists (yet). */
    public Attempt(
        Instant at,
        Outcome outcome,
        String candidateVersion,
        List<Problem> problems,
        List<Problem> failingScenarios,
        List<String> impact,
        CandidateCheck.Replay recentTraffic,
        RulesCommit commit) {
      this(
          at,
          outcome,
          candidateVersion,
          problems,
          failingScenarios,
          impact,
          recentTraffic,
          commit,
          List.of(),
          0,
          0);
    }
  }

  /** How many more problems a file has than are listed. */
  public record FileCount(String file, long count) {}

  /** ACTIVATED: live now; REFUSED: the active set keeps serving; UNCHANGED: same content. */
  public enum Outcome {
    ACTIVATED,
    REFUSED,
    UNCHANGED
  }

  /** A problem located as precisely as known. */
  public record Problem(String file, String sheet, String cell, String message, String location) {
    public Problem {
      file = StatusLimits.text(file);
      sheet = StatusLimits.text(sheet);
      cell = StatusLimits.text(cell);
      message = StatusLimits.text(message);
      location = StatusLimits.text(location);
    }

    static Problem of(RuleProblem p) {
      return new Problem(p.file(), p.sheet(), p.cell(), p.message(), p.toString());
    }
  }
}
