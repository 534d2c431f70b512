package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.util.List;

/**
 * The self-host setup the cost answer prices ({@code cost.selfHost}): which model on which GPU, how
 * many GPUs serve the submitted volume (whole replicas of the fewest that hold the model), rented
 * or bought, what they serve a month, cost upfront and a month, the labour of the team that runs
 * them (null when the request gives no engineer cost), and where each figure came from.
 */
public record SelfHostPlan(
    String model,
    String gpu,
    int gpuCount,
    Hardware hardware,
    long capacityMonthlyTokens,
    BigDecimal upfrontUsd,
    BigDecimal monthlyUsd,
    BigDecimal labourMonthlyUsd,
    List<String> sources) {
  public SelfHostPlan {
    sources = List.copyOf(sources);
  }
}
