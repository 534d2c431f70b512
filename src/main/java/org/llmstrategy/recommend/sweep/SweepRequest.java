package org.llmstrategy.recommend.sweep;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import java.util.List;
import org.llmstrategy.recommend.request.CriteriaRequest;

/**
 * The body of POST /recommend/sweep, for the published contract only: it is read raw by {@link
 * SweepReader}, so that every problem is named at once, the criteria's as {@code criteria.<field>}.
 */
@Schema(
    name = "SweepRequest",
    description =
        "A request's criteria and one numeric field to vary: either from, to and points, or"
            + " values. Every problem is named at once, as for /recommend.",
    additionalProperties = AdditionalPropertiesValue.FALSE)
public record SweepRequest(
    @Schema(
            description =
                "A /recommend request; the swept field may be left out of it (its values come"
                    + " from from/to or values)",
            requiredMode = RequiredMode.REQUIRED)
        CriteriaRequest criteria,
    @Schema(
            description =
                "The numeric request field to vary: monthlyTokens, upfrontBudgetUsd,"
                    + " latencyBudgetMs, mlEngineers, infraEngineers, labeledExamples, … (any"
                    + " numeric field of CriteriaRequest)",
            requiredMode = RequiredMode.REQUIRED,
            example = "monthlyTokens")
        String field,
    @Schema(description = "The first value, with to and points", example = "1000000")
        BigDecimal from,
    @Schema(description = "The last value, above from", example = "100000000000") BigDecimal to,
    @Schema(
            description =
                "How many values from from to to, both included (2 … 200); whole-number fields"
                    + " are rounded, so fewer may come back",
            example = "100")
        Integer points,
    @Schema(
            description =
                "How from … to is divided: LOG (the default for monthlyTokens; from must be above"
                    + " 0) or LINEAR (the default otherwise)")
        Scale scale,
    @Schema(
            description =
                "Instead of from, to and points: the values themselves, ascending, each once (at"
                    + " most 200)")
        List<BigDecimal> values) {

  /** How a range is divided into points. */
  public enum Scale {
    LOG,
    LINEAR
  }

  /** At most this many points, so one sweep stays well under a second. */
  static final int MAX_POINTS = 200;
}
