package org.llmstrategy.recommend.sweep;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.llmstrategy.facts.Option;

/** The answer to POST /recommend/sweep: one decision per value, and where the answer changes. */
@Schema(name = "SweepResult")
public record SweepResult(
    @Schema(description = "The rule set that decided every point (one version for the sweep)")
        String rulesVersion,
    @Schema(description = "The swept request field", example = "monthlyTokens") String field,
    @Schema(description = "One decision per value, in ascending order of value") List<Point> points,
    @Schema(
            description =
                "Every change of the recommendation or of the cheaper option between two points,"
                    + " in ascending order, narrowed down by further decisions to the field's step")
        List<Change> changes) {

  /** The decision at one value of the swept field. */
  @Schema(name = "SweepPoint")
  public record Point(
      BigDecimal value,
      @Schema(nullable = true, description = "null when nothing is feasible") Option recommendation,
      @Schema(nullable = true, description = "cost.cheaperOption; null without a cost answer")
          Option cheaperOption,
      @Schema(
              description =
                  "Every priced option's monthly cost: cost.options[] where the answer has it,"
                      + " otherwise the API and self-host figures")
          List<OptionMonthly> options,
      @Schema(
              nullable = true,
              description = "cost.cheapestApi, where the answer has it; null otherwise")
          CheapestApi cheapestApi) {}

  /** What one option costs a month at that value. */
  @Schema(name = "SweepOptionCost")
  public record OptionMonthly(
      @Schema(example = "SELF_HOST") String option,
      @Schema(example = "8000.00") BigDecimal monthlyUsd,
      @Schema(
              nullable = true,
              description =
                  "cost.options[].upfrontUsd at that value; null where the answer has no"
                      + " cost.options")
          BigDecimal upfrontUsd,
      @Schema(
              nullable = true,
              description = "cost.options[].labourMonthlyUsd: null when labour is not counted")
          BigDecimal labourMonthlyUsd,
      @Schema(nullable = true, description = "cost.options[].horizonUsd: null without a horizon")
          BigDecimal horizonUsd) {}

  /** The cheapest priced API model meeting the filters. */
  @Schema(name = "SweepCheapestApi")
  public record CheapestApi(String model, BigDecimal monthlyUsd) {}

  /** Where the recommendation or the cheaper option changes. */
  @Schema(name = "SweepChange")
  public record Change(
      @Schema(
              description =
                  "The last value at which the answer is still `from`; one step above it (1 for"
                      + " a whole-number field, 0.01 for dollars) it is `to`. For the cost this is"
                      + " where the two costs meet, as in cost.selfHostCheaperRanges",
              example = "800000000")
          BigDecimal value,
      @Schema(allowableValues = {"recommendation", "cheaperOption"}) String what,
      @Schema(nullable = true) Option from,
      @Schema(nullable = true) Option to,
      @Schema(
              description =
                  "false when the sweep ran out of decisions to narrow it down: the change lies"
                      + " between value and the next point")
          boolean exact) {}
}
