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
        retirementDate);
  }
}
