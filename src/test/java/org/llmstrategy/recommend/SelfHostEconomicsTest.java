package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.recommend.DeploymentMatrixTest.decide;
import static org.llmstrategy.recommend.DeploymentMatrixTest.with;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Hardware;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.SelfHostInputs;
import org.llmstrategy.facts.SelfHostPlan;
import org.llmstrategy.recommend.Cost.OptionCostView;

/**
 * Self-hosting sized as a model (issue 23) through the shipped rules: the serving and GPU tables,
 * the self-host constants, whole replicas, rent against buy, labour with the fleet, prices and
 * volume over time, and break-even in months.
 */
class SelfHostEconomicsTest {
  private static final String MODEL = "Llama 3.1 70B";

  static SelfHostInputs quote(
      String model,
      String gpu,
      Integer gpuCount,
      Hardware hardware,
      String tokensPerSecond,
      String hours,
      String utilisation) {
    return new SelfHostInputs(
        model,
        gpu,
        gpuCount,
        hardware,
        null,
        null,
        null,
        tokensPerSecond == null ? null : new BigDecimal(tokensPerSecond),
        hours == null ? null : new BigDecimal(hours),
        utilisation == null ? null : new BigDecimal(utilisation),
        null);
  }

  private static Cost cost(Criteria c) {
    return decide(c).cost();
  }

  private static OptionCostView option(Cost cost, Option o) {
    return cost.options().stream().filter(v -> v.option() == o).findFirst().orElseThrow();
  }

  /**
   * arXiv 2509.18101: Llama-3.3-70B on one bought A100 against GPT-5 breaks even in 17.8 months.
   */
  @Test
  void theStudysMethodGivesItsBreakEvenMonths() {
    // one bought A100 ($15,000, 400 W) serving 190 tokens/s for 176 hours a month at $0.15/kWh,
    // against the API priced for that same volume at 1/3 input, 2/3 output: upfront / (API −
    // electricity) months, the study's arithmetic
    Criteria c =
        with(
            x ->
                x.with("monthlyTokens", 120_384_000L)
                    .with("referenceModel", "GPT-5")
                    .with("outputTokenShare", new BigDecimal("0.666667"))
                    .with(
                        "selfHost",
                        new SelfHostInputs(
                            "Llama-3.3-70B",
                            "A100 80GB",
                            1,
                            Hardware.BUY,
                            null,
                            new BigDecimal("15000"),
                            400,
                            new BigDecimal("190"),
                            new BigDecimal("176"),
                            BigDecimal.ONE,
                            new BigDecimal("0.15"))));
    Cost cost = cost(c);
    SelfHostPlan plan = cost.selfHost();
    assertThat(plan.model()).isEqualTo("Llama-3.3-70B");
    assertThat(plan.gpu()).isEqualTo("A100 80GB");
    assertThat(plan.gpuCount()).isEqualTo(1);
    assertThat(plan.hardware()).isEqualTo(Hardware.BUY);
    assertThat(plan.capacityMonthlyTokens()).isEqualTo(120_384_000L);
    assertThat(plan.upfrontUsd()).isEqualByComparingTo("15000");
    assertThat(plan.monthlyUsd()).isEqualByComparingTo("10.56"); // 400 W × 176 h × $0.15
    BigDecimal api = cost.apiMonthlyUsd();
    BigDecimal expected =
        new BigDecimal("15000")
            .divide(api.subtract(new BigDecimal("10.56")), 1, java.math.RoundingMode.HALF_UP);
    assertThat(cost.breakEvenMonths()).isEqualByComparingTo(expected);
    assertThat(cost.breakEvenMonths()).isEqualByComparingTo("17.8"); // the study's figure
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"RENT", "BUY"})
  void costNeverFallsAsVolumeGrowsForAFixedModelAndGpu(Hardware hardware) {
    BigDecimal previousMonthly = BigDecimal.ZERO;
    BigDecimal previousUpfront = BigDecimal.ZERO;
    for (long v = 1_000_000L; v <= 1_000_000_000_000L; v = v * 3 + 7) {
      long volume = v;
      Cost cost =
          cost(
              with(
                  x ->
                      x.with("monthlyTokens", volume)
                          .with(
                              "selfHost",
                              quote(MODEL, "H100 SXM", null, hardware, null, null, null))));
      SelfHostPlan plan = cost.selfHost();
      assertThat(plan.capacityMonthlyTokens()).isGreaterThanOrEqualTo(volume);
      assertThat(plan.monthlyUsd()).isGreaterThanOrEqualTo(previousMonthly);
      assertThat(plan.upfrontUsd()).isGreaterThanOrEqualTo(previousUpfront);
      previousMonthly = plan.monthlyUsd();
      previousUpfront = plan.upfrontUsd();
    }
  }

  @Test
  void oneGpuOfASeventyBModelServesAtMostTwoBillionTokensAMonthByDefault() {
    // the reference's defensible range: 0.3–2 B output tokens per H100-month for a 70B model
    Cost cost =
        cost(
            with(
                x ->
                    x.with("monthlyTokens", 1_000L)
                        .with("selfHost", quote(MODEL, null, null, null, null, null, null))));
    SelfHostPlan plan = cost.selfHost();
    long perGpu = plan.capacityMonthlyTokens() / plan.gpuCount();
    assertThat(perGpu).isBetween(300_000_000L, 2_000_000_000L);
  }

  @Test
  void labourGrowsWithTheFleet() {
    Criteria small =
        with(
            x ->
                x.with("monthlyTokens", 1_000_000_000L)
                    .with("engineerMonthlyUsd", new BigDecimal("15000"))
                    .with("selfHost", quote(MODEL, "H100 SXM", null, null, null, null, null)));
    Criteria large = small.with("monthlyTokens", 1_000_000_000_000L);
    SelfHostPlan few = cost(small).selfHost();
    SelfHostPlan many = cost(large).selfHost();
    assertThat(many.gpuCount()).isGreaterThan(few.gpuCount() * 100);
    assertThat(many.labourMonthlyUsd()).isGreaterThan(few.labourMonthlyUsd());
    // the article's staircase too: 100 clusters are not run by the same five engineers
    Criteria article =
        with(
            x ->
                x.with("monthlyTokens", 10_000_000_000_000L)
                    .with("engineerMonthlyUsd", new BigDecimal("15000")));
    OptionCostView selfHost = option(cost(article), Option.SELF_HOST);
    assertThat(selfHost.labourMonthlyUsd()).isGreaterThan(new BigDecimal("75000"));
  }

  @Test
  void apiPricesHalvingEachYearCutAThirtySixMonthApiTotalToAboutHalf() {
    Criteria flat = with(x -> x.with("monthlyTokens", 1_000_000_000L).with("horizonMonths", 36));
    Criteria halving = flat.with("apiPriceChangePerYear", new BigDecimal("-0.5"));
    BigDecimal flatTotal = option(cost(flat), Option.API).horizonUsd();
    BigDecimal halvingTotal = option(cost(halving), Option.API).horizonUsd();
    BigDecimal share = halvingTotal.divide(flatTotal, 4, java.math.RoundingMode.HALF_EVEN);
    assertThat(share).isBetween(new BigDecimal("0.40"), new BigDecimal("0.60"));
    OptionCostView api = option(cost(halving), Option.API);
    assertThat(api.totalByMonthUsd()).hasSize(36);
    assertThat(api.totalByMonthUsd().get(35)).isEqualByComparingTo(api.horizonUsd());
    assertThat(decide(halving).cost().assumptions())
        .anyMatch(a -> a.contains("API prices change by -0.5"));
  }

  @Test
  void withoutNewFieldsTheTotalsAreUpfrontPlusMonthsTimesTheMonthlyFigures() {
    Criteria c =
        with(
            x ->
                x.with("monthlyTokens", 1_000_000_000L)
                    .with("horizonMonths", 24)
                    .with("engineerMonthlyUsd", new BigDecimal("15000")));
    Cost cost = cost(c);
    assertThat(cost.selfHost()).isNull();
    for (OptionCostView o : cost.options()) {
      BigDecimal perMonth = o.monthlyUsd().add(o.labourMonthlyUsd());
      assertThat(o.horizonUsd())
          .isEqualByComparingTo(o.upfrontUsd().add(perMonth.multiply(BigDecimal.valueOf(24))));
    }
  }
}
