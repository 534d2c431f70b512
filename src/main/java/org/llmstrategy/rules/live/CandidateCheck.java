package org.llmstrategy.rules.live;

import java.util.List;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.run.RuleSet;

/**
 * A check a candidate rule set must pass before it goes live (the analysts' scenarios), and what it
 * would change against the active one.
 */
public interface CandidateCheck {
  /** Runs the check; {@code active} is null at start-up, when nothing is live yet. */
  Report check(RuleSet candidate, RuleSet active);

  /** No scenarios: a candidate is only compiled. */
  CandidateCheck NONE = (candidate, active) -> Report.none();

  /**
   * Failures refuse the candidate; impact (on the scenarios) and the replay (over recent traffic)
   * are information for the analyst.
   */
  record Report(
      int checked, List<RuleProblem> failures, List<String> impact, Replay recentTraffic) {
    public Report {
      failures = List.copyOf(failures);
      impact = List.copyOf(impact);
      recentTraffic = recentTraffic == null ? Replay.none() : recentTraffic;
    }

    public Report(int checked, List<RuleProblem> failures, List<String> impact) {
      this(checked, failures, impact, Replay.none());
    }

    public static Report none() {
      return new Report(0, List.of(), List.of());
    }
  }

  /**
   * The candidate replayed over the last requests the service answered: how many there were, how
   * many recommendations it would change, and a few examples in words.
   */
  record Replay(int replayed, int changed, List<String> examples) {
    public Replay {
      examples = List.copyOf(examples);
    }

    public static Replay none() {
      return new Replay(0, 0, List.of());
    }
  }
}
