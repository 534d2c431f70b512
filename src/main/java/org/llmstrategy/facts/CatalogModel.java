package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A model of the catalog workbook. {@code inputUsdPerMillionTokens} is null where the article says
 * "infra cost only"; {@code retirementDate} is null until the provider announces one. The token
 * prices beyond the input price, the batch discount (a fraction of the price, 0 … 1) and the
 * parameter count are null where the catalog does not know them.
 */
public record CatalogModel(
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
