package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of {@code cost/OptionCosts.drl.xlsx} while its cells are read; {@code
 * decision/Catalog.drl} publishes the finished {@link OptionTerms}.
 */
public class OptionTermsRow {
  private final Option option;
  private BigDecimal upfrontUsd;
  private Integer engineers;
  private BigDecimal tunedPriceMultiplier;
  private BigDecimal trainingRunsPerMonth;
  private Long trainingTokensPerExample;
  private Integer epochsPerRun;
  private BigDecimal trainingUsdPerMillionTokens;
  private String source;
  private LocalDate checkedOn;

  public OptionTermsRow(Option option) {
    this.option = option;
  }

  public void upfrontUsd(String usd) {
    this.upfrontUsd = new BigDecimal(usd);
  }

  public void engineers(int engineers) {
    this.engineers = engineers;
  }

  public void tunedPriceMultiplier(String multiplier) {
    this.tunedPriceMultiplier = new BigDecimal(multiplier);
  }

  public void trainingRunsPerMonth(String runs) {
    this.trainingRunsPerMonth = new BigDecimal(runs);
  }

  public void trainingTokensPerExample(long tokens) {
    this.trainingTokensPerExample = tokens;
  }

  public void epochsPerRun(int epochs) {
    this.epochsPerRun = epochs;
  }

  public void trainingUsdPerMillionTokens(String usd) {
    this.trainingUsdPerMillionTokens = new BigDecimal(usd);
  }

  public void source(String source) {
    this.source = source;
  }

  public void checkedOn(String isoDate) {
    this.checkedOn = LocalDate.parse(isoDate);
  }

  public OptionTerms toTerms() {
    return new OptionTerms(
        option,
        upfrontUsd,
        engineers,
        tunedPriceMultiplier,
        trainingRunsPerMonth,
        trainingTokensPerExample,
        epochsPerRun,
        trainingUsdPerMillionTokens,
        source,
        checkedOn);
  }
}
