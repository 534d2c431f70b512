package org.llmstrategy.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A model of the catalog workbook. {@code inputUsdPerMillionTokens} is null where the article says
 * "infra cost only"; {@code retirementDate} is null until the provider announces one. The token
 * prices beyond the input price, the batch discount (a fraction of the price, 0 … 1) and the
 * parameter count are null where the catalog does not know them.
 *
 * <p>GET /models and /recommend's models[] publish this record as it is (recommend/ModelView
 * unwraps it): the {@code @Schema} notes describe those columns in the published contract, and the
 * price's source and check date are hidden there, as the view leaves them out of the JSON.
 */
public record CatalogModel(
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
    @Schema(hidden = true) String priceSource,
    @Schema(hidden = true) LocalDate pricesCheckedOn) {

  /** A model with only the article's columns (tests, and catalogs without the price columns). */
  public CatalogModel(
      String name,
      String provider,
      long contextWindowTokens,
      Quality quality,
      String speed,
      BigDecimal inputUsdPerMillionTokens,
      License license,
      LocalDate retirementDate) {
    this(
        name,
        provider,
        contextWindowTokens,
        quality,
        speed,
        inputUsdPerMillionTokens,
        license,
        retirementDate,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * By name alone, which equal models share: Drools keys every element a {@code from} reads by its
   * hash, and the record's own hash over fourteen fields took nearly a tenth of a decision's time
   * with thousands of models.
   */
  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(name);
  }

  public boolean hasApiPrice() {
    return inputUsdPerMillionTokens != null;
  }

  /** Open or open-weight; an unknown license (an empty cell) is not. */
  public boolean openWeights() {
    return license == License.OPEN || license == License.OPEN_WEIGHT;
  }
}
