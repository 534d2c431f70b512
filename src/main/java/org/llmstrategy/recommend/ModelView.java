package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.License;
import org.llmstrategy.facts.Quality;

/** A catalog model as clients see it; costs are filled in for candidates of a recommendation. */
@Schema(name = "Model")
public record ModelView(
    String name,
    String provider,
    long contextWindowTokens,
    Quality quality,
    String speed,
    @Schema(description = "null where the article says 'infra cost only'", nullable = true)
        BigDecimal inputUsdPerMillionTokens,
    License license,
    @Schema(description = "When the provider retires the model, if announced", nullable = true)
        LocalDate retirementDate,
    @Schema(description = "USD per 1M output tokens; null where unknown", nullable = true)
        BigDecimal outputUsdPerMillionTokens,
    @Schema(description = "USD per 1M cached input tokens; null where unknown", nullable = true)
        BigDecimal cachedInputUsdPerMillionTokens,
    @Schema(
            description =
                "Batch API discount, a fraction of the normal price (0.5: half price); null where"
                    + " unknown",
            nullable = true)
        BigDecimal batchDiscount,
    @Schema(
            description = "Parameters in billions (open models); null where unknown",
            nullable = true)
        BigDecimal parametersBillions,
    @Schema(
            description =
                "For a candidate: monthly cost at the submitted volume (API price, or the"
                    + " self-host infrastructure when self-hosting)",
            nullable = true)
        BigDecimal monthlyUsd,
    @Schema(
            description =
                "For a candidate, when tokensPerTask is given: tokens × price × expected attempts",
            nullable = true)
        BigDecimal costPerTaskUsd) {

  static ModelView of(CatalogModel m) {
    return new ModelView(
        m.name(),
        m.provider(),
        m.contextWindowTokens(),
        m.quality(),
        m.speed(),
        m.inputUsdPerMillionTokens(),
        m.license(),
        m.retirementDate(),
        m.outputUsdPerMillionTokens(),
        m.cachedInputUsdPerMillionTokens(),
        m.batchDiscount(),
        m.parametersBillions(),
        null,
        null);
  }

  ModelView withCosts(BigDecimal monthly, BigDecimal perTask) {
    return new ModelView(
        name,
        provider,
        contextWindowTokens,
        quality,
        speed,
        inputUsdPerMillionTokens,
        license,
        retirementDate,
        outputUsdPerMillionTokens,
        cachedInputUsdPerMillionTokens,
        batchDiscount,
        parametersBillions,
        monthly,
        perTask);
  }
}
