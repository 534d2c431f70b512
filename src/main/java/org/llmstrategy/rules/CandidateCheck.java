package org.llmstrategy.rules;

import java.util.List;

/**
 * A check a candidate rule set must pass before it goes live (the analysts' scenarios), and what it
 * would change against the active one.
 */
public interface CandidateCheck {
  /** Runs the check; {@code active} is null at start-up, when nothing is live yet. */
  Report check(RuleSet candidate, RuleSet active);

  /** No scenarios: a candidate is only compiled. */
  CandidateCheck NONE = (candidate, active) -> Report.none();

  /** Failures refuse the candidate; impact is information for the analyst. */
  record Report(int checked, List<RuleProblem> failures, List<String> impact) {
    public Report {
      failures = List.copyOf(failures);
      impact = List.copyOf(impact);
    }

    public static Report none() {
      return new Report(0, List.of(), List.of());
    }
  }
}
