package org.llmstrategy.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * The self-host setup the cost answer prices ({@code cost.selfHost}): which model on which GPU, how
 * many GPUs serve the submitted volume (whole replicas of the fewest that hold the model), rented
 * or bought, what they serve a month, cost upfront and a month, the labour of the team that runs
 * them (null when the request gives no engineer cost), and where each figure came from.
 */
@Schema(name = "SelfHostPlan")
public record SelfHostPlan(
    @Schema(description = "The open model self-hosted") String model,
    @Schema(description = "The GPU type, as the GPU table names it") String gpu,
    @Schema(description = "GPUs in all: whole replicas of the fewest that hold the model")
        int gpuCount,
    Hardware hardware,
    @Schema(description = "Tokens those GPUs serve a month") long capacityMonthlyTokens,
    @Schema(description = "USD upfront: the GPUs bought (0 when rented)") BigDecimal upfrontUsd,
    @Schema(description = "USD a month: GPU rent (and the bill above it), or electricity")
        BigDecimal monthlyUsd,
    @Schema(
            nullable = true,
            description =
                "USD a month for the team that runs them; null without engineerMonthlyUsd")
        BigDecimal labourMonthlyUsd,
    @Schema(description = "Where each figure came from: the request, a table row, a constant")
        List<String> sources) {
  public SelfHostPlan {
    sources = List.copyOf(sources);
  }
}
