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

  // The article's monthly figures, exactly; cheaperOption and break-even over the default horizon
  // of 36 months the options are compared on, the $500,000 upfront spread over it (issue 24): the
  // article's 800M (one GPU at $2,000 against $2.50 per 1M) leaves the upfront out.
  @ParameterizedTest(
      name = "{0}: {1} tokens → API ${2}, self-host ${3} ({4}), {5} cheaper over 36 months")
  @CsvSource({
    "LIGHT,      10000000,     25,     2000,  1 GPU,   API",
    "MEDIUM,     100000000,    250,    2000,  1 GPU,   API",
    "HEAVY,      1000000000,   2500,   2000,  1 GPU,   API",
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
    // 4 GPUs ($8,000) + $500,000 / 36 against $2.50 per 1M: ⌈21,888.89 / 2.5 × 10^6⌉
    assertThat(cost.breakEvenMonthlyTokens()).isEqualTo(8_755_555_556L);
  }

  @Test
  void selfHostingWinsLosesAndWinsAgainAsVolumeGrows() {
    Cost cost = decide(everythingOpen()).cost();
    assertThat(cost.selfHostCheaperRanges())
        .containsExactly(
            // the article's 800M-1B, 3.2B-10B and 16B+ with $13,888.89 a month of upfront added
            new TokenRange(8_755_555_556L, 10_000_000_000L), new TokenRange(21_555_555_556L, null));
    assertThat(cost.summary())
        .isEqualTo(
            "Self-hosting costs no more than the API from 8,755,555,556 to 10,000,000,000 tokens"
                + " a month, and from 21,555,555,556 up: it wins, loses and wins again as volume"
                + " grows.");
  }

  @ParameterizedTest(name = "{0} tokens: {1} cheaper")
  @CsvSource({
    "1000000000,  API", // one GPU's month is cheaper, not with the upfront over 36 months
    "8755555555,  API", // just below break-even
    "8755555556,  SELF_HOST",
    "10000000001, API", // the cluster: $40,000 + $13,888.89 against $25,000.0025
    "21555555556, SELF_HOST",
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
    // 4 GPUs ($8,000) + $500,000 / 36 against $15 per 1M: the first whole volume is 1,459,259,260
    // (GPT-4o's is 8,755,555,556)
    assertThat(cost.breakEvenMonthlyTokens()).isEqualTo(1_459_259_260L);
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
    // 36 months the options are compared on with its $500,000 upfront: no "cost justification",
    // and cheaperOption, over the same 36 months, says the API
    Recommendation r = decide(with(c -> c.with("monthlyTokens", 1_000_000_000L)));
    assertThat(r.cost().cheaperOption()).isEqualTo(Option.API);
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
