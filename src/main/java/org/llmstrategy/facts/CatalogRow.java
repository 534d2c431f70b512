package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the catalog workbook while its cells are read: each column of the row sets one
 * property, then {@code decision/Catalog.drl} publishes the finished {@link CatalogModel}. A row is
 * a builder because a decision-table row can only contribute one statement per column.
 */
public class CatalogRow {
  private final String name;
  private String provider;
  private long contextWindowTokens;
  private Quality quality;
  private String speed;
  private BigDecimal inputUsdPerMillionTokens;
  private License license;
  private LocalDate retirementDate;
  private BigDecimal outputUsdPerMillionTokens;
  private BigDecimal cachedInputUsdPerMillionTokens;
  private BigDecimal batchDiscount;
  private BigDecimal parametersBillions;
  private String priceSource;
  private LocalDate pricesCheckedOn;
  private String aliases;

  public CatalogRow(String name) {
    this.name = name;
  }

  public void provider(String provider) {
    this.provider = provider;
  }

  public void contextWindowTokens(long contextWindowTokens) {
    this.contextWindowTokens = contextWindowTokens;
  }

  public void quality(Quality quality) {
    this.quality = quality;
  }

  public void speed(String speed) {
    this.speed = speed;
  }

  public void inputUsdPerMillionTokens(String usd) {
    this.inputUsdPerMillionTokens = new BigDecimal(usd);
  }

  public void license(License license) {
    this.license = license;
  }

  public void retirementDate(String isoDate) {
    this.retirementDate = LocalDate.parse(isoDate);
  }

  public void outputUsdPerMillionTokens(String usd) {
    this.outputUsdPerMillionTokens = new BigDecimal(usd);
  }

  public void cachedInputUsdPerMillionTokens(String usd) {
    this.cachedInputUsdPerMillionTokens = new BigDecimal(usd);
  }

  /** A fraction of the normal price, 0 … 1 (0.5: batch costs half). */
  public void batchDiscount(String fraction) {
    this.batchDiscount = new BigDecimal(fraction);
  }

  public void parametersBillions(String billions) {
    this.parametersBillions = new BigDecimal(billions);
  }

  public void priceSource(String source) {
    this.priceSource = source;
  }

  public void pricesCheckedOn(String isoDate) {
    this.pricesCheckedOn = LocalDate.parse(isoDate);
  }

  /** Other names of the model (comma-separated), so an import finds it under them too. */
  public void aliases(String names) {
    this.aliases = names;
  }

  public BigDecimal getOutputUsdPerMillionTokens() {
    return outputUsdPerMillionTokens;
  }

  public BigDecimal getCachedInputUsdPerMillionTokens() {
    return cachedInputUsdPerMillionTokens;
  }

  public BigDecimal getBatchDiscount() {
    return batchDiscount;
  }

  public BigDecimal getParametersBillions() {
    return parametersBillions;
  }

  public String getPriceSource() {
    return priceSource;
  }

  public LocalDate getPricesCheckedOn() {
    return pricesCheckedOn;
  }

  public String getAliases() {
    return aliases;
  }

  public String getName() {
    return name;
  }

  public CatalogModel toModel() {
    return new CatalogModel(
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
        priceSource,
        pricesCheckedOn);
  }
}
