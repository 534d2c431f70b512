package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A model of the catalog workbook. {@code inputUsdPerMillionTokens} is null where the article says
 * "infra cost only"; {@code retirementDate} is null until the provider announces one.
 */
public record CatalogModel(
    String name,
    String provider,
    long contextWindowTokens,
    Quality quality,
    String speed,
    BigDecimal inputUsdPerMillionTokens,
    License license,
    LocalDate retirementDate) {

  public boolean hasApiPrice() {
    return inputUsdPerMillionTokens != null;
  }

  /** Open or open-weight; an unknown license (an empty cell) is not. */
  public boolean openWeights() {
    return license == License.OPEN || license == License.OPEN_WEIGHT;
  }
}
