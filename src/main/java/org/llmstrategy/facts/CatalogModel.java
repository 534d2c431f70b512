package org.llmstrategy.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A model of the catalog workbook. {@code inputUsdPerMillionTokens} is null where the article says
 * "infra cost only"; {@code retirementDate} is null until the provider announces one. The context
 * window, the token prices beyond the input price, the batch discount (a fraction of the price, 0 …
 * 1), the parameter count and whether it can be fine-tuned are null where the catalog does not know
 * them: unknown, never 0 or false (an unknown context window meets no minimum).
 *
 * <p>GET /models and /recommend's models[] publish this record as it is (recommend/ModelView
 * unwraps it): the {@code @Schema} notes describe those columns in the published contract; the
 * price's source is hidden there, as the view leaves it out of the JSON, and the check date is
 * published (a report says what date its prices are from).
 */
public record CatalogModel(
    String name,
    @Schema(description = "Who offers or publishes it; null where unknown", nullable = true)
        String provider,
    @Schema(description = "Context window in tokens; null where unknown", nullable = true)
        Long contextWindowTokens,
    @Schema(description = "The analysts' rating; null: not rated yet", nullable = true)
        Quality quality,
    @Schema(description = "The article's speed words; null where unknown", nullable = true)
        String speed,
    @Schema(description = "null where the article says 'infra cost only'", nullable = true)
        BigDecimal inputUsdPerMillionTokens,
    @Schema(description = "null where unknown (never open weights)", nullable = true)
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
                "Whether a provider or self-host route to fine-tune it exists: true for open"
                    + " weights (fine-tune them yourself) and for closed models whose provider"
                    + " offers fine-tuning to new customers; null where unknown",
            nullable = true)
        Boolean fineTunable,
    @Schema(hidden = true) String priceSource,
    @Schema(
            description =
                "When the catalog's prices for it were last checked against the source; null"
                    + " where the catalog does not say",
            nullable = true)
        LocalDate pricesCheckedOn) {

  /**
   * A model without the fine-tuning column (unknown), its context window known (the columns before
   * the catalog said whether a model can be fine-tuned).
   */
  public CatalogModel(
      String name,
      String provider,
      long contextWindowTokens,
      Quality quality,
      String speed,
      BigDecimal inputUsdPerMillionTokens,
      License license,
      LocalDate retirementDate,
      BigDecimal outputUsdPerMillionTokens,
      BigDecimal cachedInputUsdPerMillionTokens,
      BigDecimal batchDiscount,
      BigDecimal parametersBillions,
      String priceSource,
      LocalDate pricesCheckedOn) {
    this(
        name,
        provider,
        Long.valueOf(contextWindowTokens),
        quality,
        speed,
        inputUsdPerMillionTokens,
        license,
        retirementDate,
        outputUsdPerMillionTokens,
        cachedInputUsdPerMillionTokens,
        batchDiscount,
        parametersBillions,
        null,
        priceSource,
        pricesCheckedOn);
  }

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

  /** Whether the context window is known and holds at least {@code tokens}: unknown meets none. */
  public boolean holdsContextOf(Long tokens) {
    return tokens == null || contextWindowTokens != null && contextWindowTokens >= tokens;
  }

  /**
   * By name alone, which equal models share: Drools keys every element a {@code from} reads by its
   * hash, and the record's own hash over all its fields took nearly a tenth of a decision's time
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
