package org.llmstrategy.recommend;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.llmstrategy.facts.CatalogModel;

/**
 * A catalog model as clients see it; costs are filled in for candidates of a recommendation. The
 * model's columns are the catalog's own record, written in line ({@code @JsonUnwrapped}, in its
 * order, so the JSON is what it was when this view re-listed them); where a price comes from is for
 * the analysts' catalog, not the answer; when it was checked is both (prices as of). The published
 * schema's descriptions of those columns sit on {@link CatalogModel}'s components, where the schema
 * generator reads the unwrapped properties.
 */
@Schema(name = "Model")
public record ModelView(
    @JsonUnwrapped @JsonIgnoreProperties({"priceSource"}) CatalogModel model,
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
    return new ModelView(m, null, null);
  }

  ModelView withCosts(BigDecimal monthly, BigDecimal perTask) {
    return new ModelView(model, monthly, perTask);
  }
}
