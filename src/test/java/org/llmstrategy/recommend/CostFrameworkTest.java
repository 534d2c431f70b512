package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.recommend.DeploymentMatrixTest.decide;
import static org.llmstrategy.recommend.DeploymentMatrixTest.everythingOpen;
import static org.llmstrategy.recommend.DeploymentMatrixTest.fired;
import static org.llmstrategy.recommend.DeploymentMatrixTest.option;
import static org.llmstrategy.recommend.DeploymentMatrixTest.with;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.Tier;
import org.llmstrategy.recommend.Cost.TokenRange;

/** The article's cost estimation framework, row by row, through the shipped rules. */
class CostFrameworkTest {

  @ParameterizedTest(name = "{0}: {1} tokens → API ${2}, self-host ${3} ({4}), {5} cheaper")
  @CsvSource({
    "LIGHT,      10000000,     25,     2000,  1 GPU,   API",
    "MEDIUM,     100000000,    250,    2000,  1 GPU,   API",
    "HEAVY,      1000000000,   2500,   2000,  1 GPU,   SELF_HOST",
    "VERY_HEAVY, 10000000000,  25000,  8000,  4 GPUs,  SELF_HOST",
    "ENTERPRISE, 100000000000, 250000, 40000, cluster, SELF_HOST"
  })
  void reproducesTheArticlesCostTable(
      Tier tier, long tokens, String api, String selfHost, String setup, Option cheaper) {
    Cost cost = decide(with(c -> c.with("monthlyTokens", tokens))).cost();
    assertThat(cost.tier()).isEqualTo(tier);
    assertThat(cost.referenceModel()).isEqualTo("GPT-4o");
    assertThat(cost.apiMonthlyUsd()).isEqualByComparingTo(api);
    assertThat(cost.selfHostMonthlyUsd()).isEqualByComparingTo(selfHost);
    assertThat(cost.selfHostSetup()).isEqualTo(setup);
    assertThat(cost.cheaperOption()).isEqualTo(cheaper);
    assertThat(cost.breakEvenMonthlyTokens()).isEqualTo(800_000_000L);
  }

  @Test
  void selfHostingWinsLosesAndWinsAgainAsVolumeGrows() {
    Cost cost = decide(everythingOpen()).cost();
    assertThat(cost.selfHostCheaperRanges())
        .containsExactly(
            new TokenRange(800_000_000L, 1_000_000_000L),
            new TokenRange(3_200_000_000L, 10_000_000_000L),
            new TokenRange(16_000_000_000L, null));
    assertThat(cost.summary())
        .isEqualTo(
            "Self-hosting costs no more than the API from 800,000,000 to 1,000,000,000 tokens a"
                + " month, from 3,200,000,000 to 10,000,000,000, and from 16,000,000,000 up: it"
                + " wins, loses and wins again as volume grows.");
  }

  @ParameterizedTest(name = "{0} tokens: {1} cheaper")
  @CsvSource({
    "799999999,   API", // just below break-even
    "800000000,   API", // a tie goes to the API
    "800000001,   SELF_HOST",
    "1000000001,  API", // the second step: 4 GPUs at $8,000 against $2,500.0025
    "3200000001,  SELF_HOST",
    "250000000000, SELF_HOST" // beyond the cluster: 3 × cluster
  })
  void cheaperOptionFollowsTheSteps(long tokens, Option cheaper) {
    assertThat(decide(with(c -> c.with("monthlyTokens", tokens))).cost().cheaperOption())
        .isEqualTo(cheaper);
  }

  @Test
  void beyondTheClusterWholeMultiplesAreBought() {
    Cost cost = decide(with(c -> c.with("monthlyTokens", 250_000_000_000L))).cost();
    assertThat(cost.selfHostSetup()).isEqualTo("3 × cluster");
    assertThat(cost.selfHostMonthlyUsd()).isEqualByComparingTo("120000");
    assertThat(cost.tier()).isEqualTo(Tier.ENTERPRISE);
  }

  @Test
  void apiCostIsExactForFractionalPrices() {
    Cost cost =
        decide(with(c -> c.with("referenceModel", "DeepSeek-V3").with("monthlyTokens", 1))).cost();
    assertThat(cost.apiMonthlyUsd()).isEqualTo(new BigDecimal("0.00000027"));
  }

  @Test
  void aCheaperReferenceModelMovesTheBreakEven() {
    // before Claude Opus 4 retires (2026-05-14): a retired reference prices nothing (issue 24)
    Cost cost =
        Recommender.recommend(
                org.llmstrategy.ShippedRules.get(),
                with(c -> c.with("referenceModel", "Claude Opus 4")),
                false,
                java.time.LocalDate.of(2026, 3, 1))
            .cost();
    assertThat(cost.referenceModel()).isEqualTo("Claude Opus 4");
    // $2,000 / $15 per 1M tokens = 133,333,333.3… → the first whole token volume is 133,333,334
    assertThat(cost.breakEvenMonthlyTokens()).isEqualTo(133_333_334L);
  }

  @Test
  void aRetiredReferenceModelIsReplacedByTheCheapestApiMeetingTheFilters() {
    Cost cost =
        Recommender.recommend(
                org.llmstrategy.ShippedRules.get(),
                with(c -> c.with("referenceModel", "Claude Opus 4")),
                false,
                java.time.LocalDate.of(2026, 12, 7))
            .cost();
    assertThat(cost.referenceModel())
        .isEqualTo(cost.cheapestApi().model())
        .isNotEqualTo("Claude Opus 4");
    assertThat(cost.assumptions())
        .anySatisfy(s -> assertThat(s).startsWith("Claude Opus 4 retired on 2026-05-14"));
  }

  @Test
  void aCheaperMonthIsNoCostJustificationOnceTheUpfrontCounts() {
    // at 1B tokens one GPU ($2,000) costs less a month than the API ($2,500), but not over the
    // 36 months the options are compared on with its $500,000 upfront: no "cost justification"
    Recommendation r = decide(with(c -> c.with("monthlyTokens", 1_000_000_000L)));
    assertThat(r.cost().cheaperOption()).isEqualTo(Option.SELF_HOST);
    assertThat(fired(r)).doesNotContain("CostJustifiesSelfHosting");
    assertThat(option(r, Option.SELF_HOST).score()).isZero();
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
  }

  @Test
  void whenFourGpusCostMoreThanTheApiTheMatrixStaysWithTheApi() {
    Recommendation r = decide(with(c -> c.with("monthlyTokens", 2_000_000_000L)));
    assertThat(r.cost().selfHostSetup()).isEqualTo("4 GPUs");
    assertThat(r.cost().cheaperOption()).isEqualTo(Option.API);
    assertThat(fired(r)).doesNotContain("CostJustifiesSelfHosting");
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
  }
}
