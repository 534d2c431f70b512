package org.llmstrategy.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files could not become a rule set; every problem is located to file, sheet and cell. */
public class RuleSetRejectedException extends RuntimeException {
  private final transient List<RuleProblem> problems;

  public RuleSetRejectedException(String source, List<RuleProblem> problems) {
    super(
        "Rules in "
            + source
            + " were refused:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> problems() {
    return problems;
  }
}
