package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.Tier;

/** API against self-host cost at the submitted volume (the article's cost framework). */
@Schema(name = "Cost")
public record CostAdvice(
    Tier tier,
    @Schema(description = "The model the API figures use") String referenceModel,
    @Schema(description = "API cost at the submitted volume, USD per month")
        BigDecimal apiMonthlyUsd,
    @Schema(
            description =
                "Infrastructure cost of the self-host setup that serves the submitted volume; null"
                    + " when no setup can",
            nullable = true)
        BigDecimal selfHostMonthlyUsd,
    @Schema(description = "Which setup that is", example = "1 GPU", nullable = true)
        String selfHostSetup,
    @Schema(description = "Ties go to the API") Option cheaperOption,
    @Schema(
            description =
                "Smallest monthly volume at which self-hosting costs no more than the API; null"
                    + " if never",
            nullable = true)
        Long breakEvenMonthlyTokens,
    @Schema(
            description =
                "Every volume range (both ends inclusive) where self-hosting costs no more than"
                    + " the API; with capacity steps it can win, lose and win again")
        List<TokenRange> selfHostCheaperRanges) {

  /** A range of monthly volumes; {@code toTokens} null means without upper bound. */
  @Schema(name = "TokenRange")
  public record TokenRange(
      long fromTokens,
      @Schema(nullable = true, description = "null: no upper bound") Long toTokens) {}

  static CostAdvice of(CostEstimate e) {
    return new CostAdvice(
        e.tier(),
        e.referenceModel(),
        e.apiMonthlyUsd(),
        e.selfHostMonthlyUsd(),
        e.selfHostSetup(),
        e.cheaperOption(),
        e.breakEvenMonthlyTokens(),
        e.selfHostCheaperRanges().stream()
            .map(r -> new TokenRange(r.fromTokens(), r.toTokens()))
            .toList());
  }
}
