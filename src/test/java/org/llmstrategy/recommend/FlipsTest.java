package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.recommend.DeploymentMatrixTest.with;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.recommend.Flips.Flip;

/**
 * deployment.flips through the shipped rules, without Spring: every flip is checked by deciding
 * again at its value, which must give what the flip says and differ from the submitted answer.
 */
class FlipsTest {

  static Criteria fineTuneCase() {
    return with(
        c -> {
          c.setTimeToProduction(TimeToProduction.WEEKS);
          c.setUpfrontBudgetUsd(new BigDecimal("80000"));
          c.setMlEngineers(2);
          c.setInfraEngineers(0);
          c.setCustomization(Customization.DOMAIN_ADAPTATION);
        });
  }

  static List<Flip> flips(Criteria c) {
    return Recommender.recommend(ShippedRules.get(), c, true).deployment().flips();
  }

  @Test
  void theFineTuneCaseFlipsToTheApiBelowAnUpfrontBudgetOf50000() {
    assertThat(
            Recommender.recommend(ShippedRules.get(), fineTuneCase()).deployment().recommendation())
        .isEqualTo(Option.FINE_TUNE);
    assertThat(flips(fineTuneCase()))
        .contains(new Flip("upfrontBudgetUsd", new BigDecimal("49999.99"), Option.API));
  }

  @Test
  void theFineTuneCaseNamesTheOtherInputsThatChangeIt() {
    List<Flip> flips = flips(fineTuneCase());
    assertThat(flips)
        .contains(
            new Flip("mlEngineers", java.math.BigInteger.ZERO, Option.API),
            new Flip("labeledExamples", java.math.BigInteger.valueOf(99), Option.API),
            new Flip("timeToProduction", "DAYS", Option.API),
            new Flip("dataSensitivity", "REGULATED", null));
    assertThat(flips).noneMatch(f -> f.value().equals("WEEKS"));
  }

  @Test
  void volumeFlipsAtTheCostBreakEven() {
    // everything open at 100M tokens: the API wins. At the break-even (800M) both cost the same
    // and the API keeps it; one token more and self-hosting is cheaper, and wins
    List<Flip> flips = flips(with(c -> c.setMonthlyTokens(100_000_000L)));
    assertThat(flips)
        .contains(
            new Flip(
                "monthlyTokens", java.math.BigInteger.valueOf(800_000_001L), Option.SELF_HOST));
  }

  @Test
  void everyFlipHoldsAtItsValueAndNotJustBefore() {
    for (Criteria c :
        List.of(
            fineTuneCase(),
            with(c -> c.setMonthlyTokens(100_000_000L)),
            with(c -> c.setDataSensitivity(DataSensitivity.REGULATED)),
            with(c -> c.setLatencyBudgetMs(300)))) {
      Option base = Recommender.recommend(ShippedRules.get(), c).deployment().recommendation();
      for (Flip f : flips(c)) {
        assertThat(at(c, f.field(), f.value()))
            .as("%s at its value", f)
            .isEqualTo(f.recommendation());
        assertThat(f.recommendation()).as("%s changes it", f).isNotEqualTo(base);
      }
    }
  }

  @Test
  void withoutTheFlagThereAreNoFlips() {
    assertThat(Recommender.recommend(ShippedRules.get(), fineTuneCase()).deployment().flips())
        .isNull();
  }

  private static Option at(Criteria base, String field, Object value) {
    Criteria c = base.copy();
    switch (field) {
      case "monthlyTokens" -> c.setMonthlyTokens(new BigDecimal(value.toString()).longValueExact());
      case "upfrontBudgetUsd" -> c.setUpfrontBudgetUsd(new BigDecimal(value.toString()));
      case "latencyBudgetMs" -> c.setLatencyBudgetMs(Integer.parseInt(value.toString()));
      case "mlEngineers" -> c.setMlEngineers(Integer.parseInt(value.toString()));
      case "infraEngineers" -> c.setInfraEngineers(Integer.parseInt(value.toString()));
      case "labeledExamples" -> c.setLabeledExamples(Integer.parseInt(value.toString()));
      case "dataSensitivity" -> c.setDataSensitivity(DataSensitivity.valueOf(value.toString()));
      case "timeToProduction" -> c.setTimeToProduction(TimeToProduction.valueOf(value.toString()));
      case "customization" -> c.setCustomization(Customization.valueOf(value.toString()));
      default -> throw new AssertionError(field);
    }
    return Recommender.recommend(ShippedRules.get(), c).deployment().recommendation();
  }
}
