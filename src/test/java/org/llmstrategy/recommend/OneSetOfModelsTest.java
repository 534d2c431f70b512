package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.recommend.DeploymentMatrixTest.option;
import static org.llmstrategy.recommend.DeploymentMatrixTest.with;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.Quality;
import org.llmstrategy.facts.SelfHostInputs;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.recommend.Cost.OptionCostView;

/**
 * One set of models through the whole answer, and unknown is unknown (issue 24 items 2 and 3): each
 * option is priced on the cheapest model that meets the request's filters, its candidates are those
 * models priced the same way, none → the option is blocked naming the filter; a model without an
 * output price is not compared. Through the shipped rules, without Spring.
 */
class OneSetOfModelsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  private static Recommendation decide(UnaryOperator<Criteria> change) {
    return Recommender.recommend(ShippedRules.get(), with(change), false, DAY);
  }

  private static OptionCostView cost(Recommendation r, Option o) {
    return r.cost().options().stream().filter(v -> v.option() == o).findFirst().orElseThrow();
  }

  private static Criteria confidentialAt(Criteria c, long tokens) {
    return c.with("dataSensitivity", DataSensitivity.CONFIDENTIAL).with("monthlyTokens", tokens);
  }

  @Test
  void minQualityHighPricesSelfHostingOnAnOpenModelRatedHighNotOnTheSeventyB() {
    Recommendation r =
        // regulated: self-hosting is the answer whatever it costs, so models[] are its candidates
        decide(
            c ->
                confidentialAt(c, 5_000_000_000L)
                    .with("dataSensitivity", DataSensitivity.REGULATED)
                    .with("minQuality", Quality.HIGH));

    // the 70B (MEDIUM_HIGH) used to price it at $8,000 and win "+2 cost" against GPT-4o
    assertThat(r.cost().selfHostMonthlyUsd()).isEqualByComparingTo("32000");
    assertThat(r.cost().selfHostSetup()).isEqualTo("16 GPUs (671B)");
    assertThat(r.cost().cheaperOption()).isEqualTo(Option.API);
    assertThat(r.cost().assumptions())
        .anySatisfy(s -> assertThat(s).startsWith("Self-hosting is priced on DeepSeek-V3"));
    assertThat(option(r, Option.SELF_HOST).reasons())
        .noneMatch(s -> s.contains("Self-hosting costs less than the API"));
    // the cheapest listed candidate is the model and the price the cost answer gives
    assertThat(r.models().get(0).model().name()).isEqualTo("DeepSeek-V3");
    assertThat(r.models().get(0).monthlyUsd()).isEqualByComparingTo(r.cost().selfHostMonthlyUsd());
    assertThat(r.models()).allMatch(m -> m.model().quality().ordinal() >= Quality.HIGH.ordinal());
  }

  @Test
  void noOpenModelAtTheQualityBlocksSelfHostingNamingTheFilter() {
    Recommendation r =
        decide(c -> confidentialAt(c, 5_000_000_000L).with("minQuality", Quality.VERY_HIGH));

    assertThat(option(r, Option.SELF_HOST).eligible()).isFalse();
    assertThat(option(r, Option.SELF_HOST).blockers())
        .anySatisfy(b -> assertThat(b).contains("minQuality very high"));
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
    assertThat(r.cost().selfHostMonthlyUsd()).isNull();
    assertThat(r.models()).isNotEmpty().allMatch(m -> m.model().quality() == Quality.VERY_HIGH);
  }

  @Test
  void aMinimumContextTheReferenceLacksPricesTheApiOnAModelThatHasIt() {
    Recommendation r =
        decide(
            c -> c.with("monthlyTokens", 1_000_000_000L).with("minContextWindowTokens", 200_000L));

    assertThat(r.cost().referenceModel()).isEqualTo("GPT-5");
    assertThat(r.cost().apiMonthlyUsd()).isEqualByComparingTo("1250");
    assertThat(r.cost().assumptions())
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("GPT-4o holds 128000 tokens, fewer than minContextWindowTokens")
                    .contains("use GPT-5"));
  }

  @Test
  void aFineTuningAnswerListsOnlyFineTunableModelsAtTheOptionsOnePrice() {
    Recommendation r =
        decide(
            c ->
                c.with("dataSensitivity", DataSensitivity.INTERNAL)
                    .with("monthlyTokens", 300_000_000L)
                    .with("timeToProduction", TimeToProduction.WEEKS)
                    .with("upfrontBudgetUsd", new BigDecimal("80000"))
                    .with("mlEngineers", 2)
                    .with("infraEngineers", 0)
                    .with("customization", Customization.DOMAIN_ADAPTATION)
                    .with("labeledExamples", 2_000));

    assertThat(r.deployment().recommendation()).isEqualTo(Option.FINE_TUNE);
    assertThat(r.models()).isNotEmpty().allMatch(m -> Boolean.TRUE.equals(m.model().fineTunable()));
    // 300M × $0.27 × 1.5 + one run of 2,000 × 500 × 3 tokens at $25 per 1M
    assertThat(r.models().get(0).monthlyUsd()).isEqualByComparingTo("196.5");
    assertThat(cost(r, Option.FINE_TUNE).monthlyUsd())
        .isEqualByComparingTo(r.models().get(0).monthlyUsd());
    assertThat(r.modelExclusions())
        .anySatisfy(x -> assertThat(x.models()).contains("GPT-4o", "Gemini 2.0 Pro"));
  }

  @Test
  void aModelWithoutAnOutputPriceIsNotComparedAndTheAnswerSaysWhy() {
    Recommendation r =
        decide(
            c ->
                c.with("monthlyTokens", 100_000_000L)
                    .with("outputTokenShare", new BigDecimal("0.8")));

    // at its input price Gemini 2.0 Pro used to be the cheapest, at $125 against GPT-5's $825
    assertThat(r.cost().cheapestApi().model()).isEqualTo("GPT-5");
    assertThat(r.models()).noneMatch(m -> m.model().name().equals("Gemini 2.0 Pro"));
    assertThat(r.modelExclusions())
        .anySatisfy(
            x -> {
              assertThat(x.filter()).startsWith("no output price");
              assertThat(x.models()).containsExactly("Gemini 2.0 Pro");
            });
  }

  @Test
  void anEmptySelfHostQuotePricesARatedModelAndListsItsCandidatesAtTheQuotesPrices() {
    Recommendation r =
        decide(
            c ->
                confidentialAt(c, 1_000_000_000L)
                    .with("dataSensitivity", DataSensitivity.REGULATED) // self-hosting's answer
                    .with(
                        "selfHost",
                        new SelfHostInputs(
                            null, null, null, null, null, null, null, null, null, null, null)));

    // the unrated 8B was the cheapest open model: it was compared with GPT-4o
    assertThat(r.cost().selfHost().model()).isEqualTo("Llama 3.1 70B");
    assertThat(r.models().get(0).model().name()).isEqualTo(r.cost().selfHost().model());
    assertThat(r.models().get(0).monthlyUsd())
        .isEqualByComparingTo(r.cost().selfHost().monthlyUsd());
    assertThat(r.models()).allMatch(m -> m.model().quality() != null);
  }
}
