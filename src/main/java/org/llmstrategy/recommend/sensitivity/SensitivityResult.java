package org.llmstrategy.recommend.sensitivity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.llmstrategy.facts.Option;

/**
 * The answer to POST /recommend/sensitivity: for each numeric input the request gives a value, the
 * decision with that input moved down and up, largest swing first.
 */
@Schema(name = "SensitivityResult")
public record SensitivityResult(
    @Schema(description = "The rule set that decided every move (one version for the answer)")
        String rulesVersion,
    @Schema(description = "The share each input was moved by", example = "0.2") BigDecimal change,
    @Schema(
            nullable = true,
            description =
                "The recommendation for the criteria as sent; null when nothing is feasible")
        Option recommendation,
    @Schema(description = "Each option's cost for the criteria as sent (the answer's cost.options)")
        List<OptionCost> options,
    @Schema(
            description =
                "One entry per numeric input with a value other than 0 (sent, or its default), the"
                    + " largest swing in an option's total first; inputs the move does not change"
                    + " come last, in the request's order")
        List<InputSwing> inputs) {

  /** One option's cost as decided for the criteria as sent. */
  @Schema(name = "SensitivityOptionCost")
  public record OptionCost(
      Option option,
      @Schema(nullable = true, description = "cost.options[].horizonUsd; null without a horizon")
          BigDecimal horizonUsd,
      @Schema(nullable = true, description = "cost.options[].monthlyUsd") BigDecimal monthlyUsd) {}

  /** One input moved down and up, and what the rules said at each end. */
  @Schema(name = "SensitivityInput")
  public record InputSwing(
      @Schema(description = "The request field moved", example = "monthlyTokens") String field,
      @Schema(description = "Its value as sent (or its default)") BigDecimal value,
      @Schema(
              description =
                  "The value moved down: value − |value| × change, rounded to the field's step (a"
                      + " whole-number field moves at least one), never below what the field"
                      + " accepts")
          BigDecimal low,
      @Schema(description = "The value moved up, likewise, never above what the field accepts")
          BigDecimal high,
      @Schema(nullable = true, description = "The recommendation at low; null: nothing feasible")
          Option recommendationLow,
      @Schema(nullable = true, description = "The recommendation at high; null: nothing feasible")
          Option recommendationHigh,
      @Schema(
              description =
                  "The largest |high − low| of an option's horizonUsd (its monthlyUsd without a"
                      + " horizon): what the entries are ordered by")
          BigDecimal swingUsd,
      @Schema(description = "Each priced option's total at low and at high")
          List<OptionSwing> options) {}

  /** One option's total at each end of the move. */
  @Schema(name = "SensitivityOption")
  public record OptionSwing(
      Option option,
      @Schema(nullable = true, description = "horizonUsd at low; null without a horizon")
          BigDecimal horizonUsdLow,
      @Schema(nullable = true, description = "horizonUsd at high; null without a horizon")
          BigDecimal horizonUsdHigh,
      @Schema(nullable = true, description = "monthlyUsd at low") BigDecimal monthlyUsdLow,
      @Schema(nullable = true, description = "monthlyUsd at high") BigDecimal monthlyUsdHigh) {}
}
