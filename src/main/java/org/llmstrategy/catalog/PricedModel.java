package org.llmstrategy.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One chat model of a price file, its prices converted to USD per 1M tokens. A null means the file
 * does not say; the import then leaves the catalog's cell as it is.
 */
record PricedModel(
    String name,
    String provider,
    Long contextWindowTokens,
    BigDecimal inputUsdPerMillionTokens,
    BigDecimal outputUsdPerMillionTokens,
    BigDecimal cachedInputUsdPerMillionTokens,
    BigDecimal batchDiscount,
    LocalDate retirementDate) {}
