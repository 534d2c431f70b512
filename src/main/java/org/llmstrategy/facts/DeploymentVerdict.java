package org.llmstrategy.facts;

/** The matrix's verdict: the recommended option, or {@code null} when nothing is feasible. */
public record DeploymentVerdict(Option recommendation) {
  public static DeploymentVerdict recommend(Option option) {
    return new DeploymentVerdict(option);
  }

  public static DeploymentVerdict nothingFeasible() {
    return new DeploymentVerdict(null);
  }

  public boolean feasible() {
    return recommendation != null;
  }
}
