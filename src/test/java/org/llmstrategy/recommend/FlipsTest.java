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
        c ->
            c.with("timeToProduction", TimeToProduction.WEEKS)
                .with("upfrontBudgetUsd", new BigDecimal("80000"))
                .with("mlEngineers", 2)
                .with("infraEngineers", 0)
                .with("customization", Customization.DOMAIN_ADAPTATION));
  }

  static List<Flip> flips(Criteria c) {
    return Recommender.recommend(ShippedRules.get(), c, true, java.time.LocalDate.now())
        .deployment()
        .flips();
  }

  /**
   * The largest count the reader accepts is a count flips can start from: probing one above it
   * overflowed the int (a 500 that the contract test's random sample found).
   */
  @Test
  void theLargestCountsTheReaderAcceptsHaveFlipsToo() {
    Criteria most =
        fineTuneCase()
            .with("mlEngineers", Integer.MAX_VALUE)
            .with("infraEngineers", Integer.MAX_VALUE)
            .with("latencyBudgetMs", Integer.MAX_VALUE)
            .with("labeledExamples", Integer.MAX_VALUE);

    assertThat(flips(most)).isNotNull();
  }

  @Test
  void theFineTuneCaseFlipsToTheApiBelowAnUpfrontBudgetOf50000() {
    assertThat(
            Recommender.recommend(
                    ShippedRules.get(), fineTuneCase(), false, java.time.LocalDate.now())
                .deployment()
                .recommendation())
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
  void noVolumeFlipAtTheMonthlyBreakEvenOnceUpfrontCounts() {
    // everything open at 100M tokens: the API wins. One token above the monthly break-even (800M)
    // one GPU costs less a month than the API, but not with its $500,000 upfront over the 36
    // months the options are compared on: the API still wins there, so that is no flip
    List<Flip> flips = flips(with(c -> c.with("monthlyTokens", 100_000_000L)));
    assertThat(at(with(c -> c.with("monthlyTokens", 100_000_000L)), "monthlyTokens", 800_000_001L))
        .isEqualTo(Option.API);
    assertThat(flips)
        .doesNotContain(
            new Flip(
                "monthlyTokens", java.math.BigInteger.valueOf(800_000_001L), Option.SELF_HOST));
  }

  @Test
  void everyFlipHoldsAtItsValueAndNotJustBefore() {
    for (Criteria c :
        List.of(
            fineTuneCase(),
            with(c -> c.with("monthlyTokens", 100_000_000L)),
            with(c -> c.with("dataSensitivity", DataSensitivity.REGULATED)),
            with(c -> c.with("latencyBudgetMs", 300)))) {
      Option base =
          Recommender.recommend(ShippedRules.get(), c, false, java.time.LocalDate.now())
              .deployment()
              .recommendation();
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
    assertThat(
            Recommender.recommend(
                    ShippedRules.get(), fineTuneCase(), false, java.time.LocalDate.now())
                .deployment()
                .flips())
        .isNull();
  }

  /**
   * The recommendation with one field at a flip's value: a number, an enum value's name, or true or
   * false.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Option at(Criteria base, String field, Object value) {
    Class type = Criteria.typeOf(field);
    Criteria c =
        base.with(
            field,
            type.isEnum()
                ? Enum.valueOf(type, value.toString())
                : value instanceof Boolean ? value : new BigDecimal(value.toString()));
    return Recommender.recommend(ShippedRules.get(), c, false, java.time.LocalDate.now())
        .deployment()
        .recommendation();
  }
}
